# os on the host's filesystem (through the VFS's VfsPosix at '/'), compared with CPython's os.
import os
import sys

base = "tmp_os_files_" + sys.implementation.name


def errno_of(fun, *args):
    try:
        fun(*args)
    except OSError as e:
        return e.errno
    return None


def rmtree(path):
    for name in os.listdir(path):
        full = path + "/" + name
        if os.stat(full)[0] & 0x4000:
            rmtree(full)
        else:
            os.remove(full)
    os.rmdir(path)


try:
    rmtree(base)
except OSError:
    pass

start = os.getcwd()
os.mkdir(base)
print("mkdir again", errno_of(os.mkdir, base))
print("listdir empty", os.listdir(base))
with open(base + "/a.txt", "w") as f:
    print(f.write("hello\n"))
with open(base + "/b.bin", "wb") as f:
    f.write(bytes(range(200)))
os.mkdir(base + "/sub")
print(sorted(os.listdir(base)))
print(sorted(os.listdir(base.encode())))

st = os.stat(base + "/b.bin")
print("file mode", st[0] & 0xF000 == 0x8000, "size", st[6])
print("dir mode", os.stat(base + "/sub")[0] & 0xF000 == 0x4000)

os.rename(base + "/a.txt", base + "/sub/c.txt")
print(sorted(os.listdir(base)), os.listdir(base + "/sub"))
print("rename missing", errno_of(os.rename, base + "/nope", base + "/x"))

print("rmdir not empty", errno_of(os.rmdir, base + "/sub"))
print("rmdir missing", errno_of(os.rmdir, base + "/nope"))
print("remove missing", errno_of(os.remove, base + "/nope"))
print("remove dir", errno_of(os.remove, base + "/sub"))
print("unlink", errno_of(os.unlink, base + "/sub/c.txt"), os.listdir(base + "/sub"))
print("open missing", errno_of(open, base + "/nope"))
print("open dir", errno_of(open, base + "/sub"))
print("open x existing", errno_of(open, base + "/b.bin", "x"))
print("listdir file", errno_of(os.listdir, base + "/b.bin"))
print("listdir missing", errno_of(os.listdir, base + "/nope"))
print("stat missing", errno_of(os.stat, base + "/nope"))
print("chdir file", errno_of(os.chdir, base + "/b.bin"))
print("chdir missing", errno_of(os.chdir, base + "/nope"))
print("empty path", errno_of(os.stat, ""))

os.chdir(base)
print(os.getcwd() == start + "/" + base)
print(sorted(os.listdir()), sorted(os.listdir(".")))
os.chdir("sub")
with open("../sub/./d.txt", "w") as f:
    f.write("x" * 10)
print(os.stat("d.txt")[6], os.listdir("../sub"))
os.chdir("..")
os.chdir("..")
print(os.getcwd() == start)

print(os.sep, type(os.statvfs(".")[0]), len(os.statvfs(".")) >= 10)
print(len(os.urandom(16)), os.urandom(0))
print(os.uname().sysname == os.uname()[0])

rmtree(base)
print(base in os.listdir())
