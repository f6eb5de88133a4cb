# bytes literals and escapes
print(b"abc", b'x', b"""tri""")
print(b"\x00\xff\n\t\\\x7f")
print(list(b"\101\x42C"))
print(B"upper", len(b"\0\0\0"))
print(b"\u00e9")
