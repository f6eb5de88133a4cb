# find/count/index with start and end
s = "abracadabra"
print(s.find("a"), s.find("a", 1), s.find("a", 1, 3), s.find("bra", -4), s.rfind("a", 0, 5))
print(s.count("a"), s.count("a", 5), s.count(""), s.count("abra"))
print(s.index("c"), s.rindex("bra"), s.find(""), s.find("", 100))
print("" in s, "cad" in s, s.startswith("bra", 1), s.endswith("cad", 0, 7))
