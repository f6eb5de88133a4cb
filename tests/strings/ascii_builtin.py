# ascii(): repr with every non-ASCII code point escaped
print(ascii("h\xe9\u2028x"), ascii("\U0001F600"), ascii(b"\xff"), ascii(["é", 1]), ascii("plain"))
