# strip and padding variants
s = "\t  text \n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("..x..".strip(".")), repr("abcxcba".strip("ab")), repr("".strip()))
print(repr("x".center(5)), repr("x".center(4, "-")), repr("long".center(2)))
print(repr("7".zfill(3)), repr("-7".zfill(4)), repr("abc".ljust(2)))
