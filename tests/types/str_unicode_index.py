# str indexing by code point with non-ASCII text
s = "aé中😀z"
print(len(s))
for i in range(len(s)):
    print(i, s[i], ord(s[i]))
print(s[-1], s[-2], s[1:4], s[::-1], s[::2])
print(s.find("中"), s.index("😀"), "中" in s)
print(s.upper(), s.encode("utf-8"))
print(len(s.encode()), s.encode().decode() == s)
print([c for c in s])
t = "ünïcödé"
print(t.replace("ö", "o"), t.split("c"), t.count("ï"), t[2:5])
print(bytes("é", "utf-8"), str(b"\xc3\xa9", "utf-8"))
