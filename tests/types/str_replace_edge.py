# replace edge cases
print("aaa".replace("a", "bb"), "aaa".replace("aa", "b"), "abc".replace("", "-"))
print("abc".replace("x", "y"), "abcabc".replace("abc", "", 1), "".replace("", "z"))
print("héllo".replace("é", "e"), "ababab".replace("b", "B", 2))
