# f-string format specs for several types
n = 1234
s = "txt"
print(f"{n:>8}|{n:<8}|{n:^8}|{n:08}|{n:+}|{-n:+}|{n:,}")
print(f"{s:>6}|{s:<6}|{s:^7}|{s:.2}|{s!r:>8}")
print(f"{255:#x}|{255:#o}|{255:#b}|{255:X}|{65:c}")
print(f"{0.5:.1%}|{1.5:6.2f}|{-2.25:+.1f}|{1e3:.0e}")
class W:
    def __format__(self, spec):
        return "W(" + spec + ")"
print(f"{W():abc}", format(W(), "x"), "{:q}".format(W()))
