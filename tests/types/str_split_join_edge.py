# split/join edge cases
print("".split(), "".split(","), " ".split(), "a".split(","), ",".split(","))
print("a  b".split(" "), "  a b  ".split(), "a,b,c".split(",", 0), "a,b,c".split(",", -1))
print("a b c".rsplit(None, 1), "x".join([]), "x".join(["a"]), "".join([]))
print("abc".split("abc"), "aaa".split("a"), "1\t2\n3  4".split())
