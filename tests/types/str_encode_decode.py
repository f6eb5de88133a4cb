# encoding and decoding text
s = "aé€😀"
b = s.encode("utf-8")
print(b, len(b), b.decode("utf-8") == s)
print(s.encode(), bytes(s, "utf8"), str(b, "utf-8"))
print("abc".encode("ascii"), b"abc".decode("ascii"))
try:
    b"\xc3".decode("utf-8")
except UnicodeError:
    print("UnicodeError")
print(len(str(b"x")), str(b"x"))
