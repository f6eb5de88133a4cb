import hashlib

for name in ("sha256", "sha1", "md5"):
    ctor = getattr(hashlib, name)
    for msg in (b"", b"abc", b"a" * 55, b"a" * 56, b"a" * 64, b"a" * 1000):
        print(name, len(msg), ctor(msg).hexdigest())
    h = ctor()
    h.update(b"hello ")
    c = h.copy()
    h.update(b"world")
    print(h.hexdigest(), h.digest(), c.hexdigest())
    print(h.hexdigest() == ctor(b"hello world").hexdigest(), h.digest_size, h.block_size, h.name)
    h.update(bytearray(b"!"))
    print(h.hexdigest())
try:
    hashlib.sha256("text")
except TypeError as e:
    print("TypeError")
