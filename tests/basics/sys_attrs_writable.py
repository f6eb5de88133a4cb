# sys is writable: new attributes, rebinding and deleting, and every name still found after
# its dict has grown; sys.version and sys.platform are str objects that hash and compare as
# any str built at run time.
import sys

names = ["stdout", "stderr", "stdin", "exit", "exc_info", "intern", "atexit", "implementation",
         "version_info", "byteorder", "version", "platform", "path", "argv", "modules", "maxsize",
         "print_exception", "getrecursionlimit"]
before = {n: getattr(sys, n, None) for n in names}
for i in range(12):
    setattr(sys, "extra_%d" % i, i)
print(sum(getattr(sys, "extra_%d" % i) for i in range(12)))
print(all(getattr(sys, n, None) is before[n] for n in names))
for i in range(12):
    delattr(sys, "extra_%d" % i)
print(hasattr(sys, "extra_0"), all(getattr(sys, n, None) is before[n] for n in names))

# Rebinding a standard name and putting it back.
saved = sys.maxsize
sys.maxsize = 5
print(sys.maxsize)
sys.maxsize = saved
print(sys.maxsize == saved)


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


out = sys.stdout
sys.stdout = Capture()
print("captured", 1)
captured = sys.stdout.parts
sys.stdout = out
print(repr("".join(captured)))

for s in (sys.version, sys.platform):
    rebuilt = "".join(list(s))
    print(type(s).__name__, s == rebuilt, hash(s) == hash(rebuilt), len(s) == len(rebuilt))
    d = {rebuilt: "found"}
    print(d[s], s in {rebuilt}, (s + "!")[:-1] == s, s.upper().lower() == s.lower())
