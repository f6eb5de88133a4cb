# forgotten files are closed by the collector, so descriptors do not run out
P = "/tmp/espy_test_file_many.txt"
with open(P, "w") as f:
    f.write("data\n")
n = 0
for i in range(1000):
    f = open(P)
    n += len(f.readline())
for i in range(1000):
    with open(P) as f:
        n += len(f.read())
print(n)
try:
    import os
    os.remove(P)
except ImportError:
    pass
