# all string escapes
print(repr("\n\t\r\\\'\"\a\b\f\v\0"))
print(repr("\x41\x7a\101\60\7"))
print(repr("\u00e9\u4e2d\U0001F600"))
print(len("\x00\x01"), ord("\177"), ord("\u20ac"))
print("a\
b")
print(repr("\q"))
