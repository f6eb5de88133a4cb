# bytes methods
b = b"  Hello World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.split(), b.lower(), b.upper())
print(b"a,b".split(b","), b"abc".startswith(b"ab"), b"abc".endswith(b"bc"), b"abc".find(b"c"))
print(b"x".join([b"1", b"2"]), b"aXa".replace(b"a", b"bb"), b"abc".index(b"b"), b"aaa".count(b"a"))
print(b"12".isdigit(), b"ab".isalpha(), b" ".isspace())
print(b"abc"[1], b"abc"[-1:], bytes(b"abc"[::-1]))
print(b"%d-%s" % (5, b"x"))
print(bytes.fromhex("00ff10"), b"\x00\xff".hex())
