# text files: write/read round trip, readline, iteration, readlines, newlines
P = "/tmp/espy_test_file_text.txt"
f = open(P, "w")
print(f.write("hello\n"), f.write("wörld\r\nthird\rlast"))
print(f.name, f.mode, f.closed)
f.close()
print(f.closed)
f.close()
f = open(P)
print(repr(f.read()))
f.close()
f = open(P, "r")
print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
f.close()
f = open(P)
print([line for line in f])
f.close()
f = open(P)
print(f.readlines())
f.close()
f = open(P)
print(repr(f.read(3)), repr(f.read(5)), repr(f.read(0)), repr(f.read()), repr(f.read()))
f.close()
f = open(P, "w")
print("a", 1, 2.5, file=f)
print("b", end="!", file=f)
f.writelines(["x\n", "y\n"])
f.close()
with open(P) as f:
    print(repr(f.read()))
print(f.closed)
try:
    import os
    os.remove(P)
except ImportError:
    pass
