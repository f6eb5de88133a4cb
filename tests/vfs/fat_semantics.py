# The same file and directory operations on FAT volumes (RAM block devices of 512 and 4096
# bytes, and one over a host file) under espy, and on the host's filesystem under CPython:
# results and errno values must agree.
import os
import sys

sys.path.insert(0, "../lib")

roots = []
if sys.implementation.name == "cpython":
    for n in range(3):
        roots.append("tmp_fat_semantics_%d" % n)
else:
    import vfs
    from blockdevs import FileBlockDev, RAMBlockDev

    img_name = "tmp_fat_semantics_espy.img"
    with open(img_name, "wb") as f:
        f.write(bytes(4096 * 256))
    img = open(img_name, "r+b")
    devices = [RAMBlockDev(512, 400), RAMBlockDev(4096, 256), FileBlockDev(img, 4096)]
    for n, bdev in enumerate(devices):
        vfs.VfsFat.mkfs(bdev)
        vfs.mount(bdev, "/fat%d" % n)
        roots.append("/fat%d" % n)


def err(fun, *args):
    try:
        fun(*args)
    except OSError as e:
        return e.errno
    return "ok"


def rmtree(path):
    for name in os.listdir(path):
        full = path + "/" + name
        if os.stat(full)[0] & 0x4000:
            rmtree(full)
        else:
            os.remove(full)
    os.rmdir(path)


def run(root):
    if sys.implementation.name == "cpython":
        if root in os.listdir():
            rmtree(root)
        os.mkdir(root)
    print(os.listdir(root))

    # Text files: write, append, read back, lines, iteration, seek and tell.
    p = root + "/notes.txt"
    with open(p, "w") as f:
        print(f.write("first line\n"), f.write("second\n"))
    with open(p, "a") as f:
        f.write("third\nno newline")
    with open(p) as f:
        print(repr(f.readline()), repr(f.read(3)), f.tell())
        print(f.readlines())
    with open(p) as f:
        print([line for line in f])
    print(os.stat(p)[6], os.stat(p)[0] & 0xF000 == 0x8000)

    # Binary files spanning many clusters; seek, overwrite, read at odd places.
    data = bytes((i * 7 + 3) & 0xFF for i in range(20000))
    p = root + "/big.bin"
    with open(p, "wb") as f:
        f.write(data[:5000])
        f.write(data[5000:])
    with open(p, "rb") as f:
        print(f.read() == data)
        f.seek(4095)
        print(f.read(3) == data[4095:4098], f.tell())
        f.seek(-10, 2)
        print(f.read() == data[-10:])
        buf = bytearray(600)
        f.seek(511)
        print(f.readinto(buf), buf == data[511:1111])
    with open(p, "r+b") as f:
        f.seek(4094)
        f.write(b"XYZW")
        f.seek(0)
        print(f.read(3) == data[:3])
    with open(p, "rb") as f:
        d2 = f.read()
        print(len(d2), d2[4094:4098], d2[:4094] == data[:4094], d2[4098:] == data[4098:])

    # Writing past the end leaves zeros; 'w' truncates; 'x' refuses an existing file.
    p = root + "/sparse.bin"
    with open(p, "wb") as f:
        f.write(b"ab")
        f.seek(5000)
        f.write(b"cd")
    with open(p, "rb") as f:
        d = f.read()
        print(len(d), d[:2], d[2:5000] == bytes(4998), d[5000:])
    with open(p, "w") as f:
        pass
    print(os.stat(p)[6], err(open, p, "x"), err(open, root + "/new.txt", "x"))
    with open(root + "/plus.txt", "w+") as f:
        f.write("hello")
        f.seek(0)
        print(f.read())
    with open(root + "/plus.txt", "a+") as f:
        f.write("!")
        f.seek(0)
        print(f.read())

    # Directories.
    os.mkdir(root + "/dir")
    os.mkdir(root + "/dir/inner")
    print(err(os.mkdir, root + "/dir"), err(os.mkdir, root + "/nope/x"), err(os.mkdir, root + "/notes.txt/x"))
    with open(root + "/dir/inner/f.txt", "w") as f:
        f.write("in")
    print(sorted(os.listdir(root)))
    print(os.listdir(root + "/dir"), os.listdir(root + "/dir/inner"))
    print(err(os.rmdir, root + "/dir"), err(os.rmdir, root + "/notes.txt"), err(os.rmdir, root + "/nope"))
    print(err(os.remove, root + "/dir"), err(os.remove, root + "/nope"), err(os.listdir, root + "/notes.txt"))
    print(err(open, root + "/dir"), err(open, root + "/nope.txt"), err(open, root + "/nope/x.txt", "w"))
    print(err(os.stat, root + "/nope"), os.stat(root + "/dir")[0] & 0xF000 == 0x4000)

    # Rename: within a directory, across directories, over an existing file, directories.
    os.rename(root + "/notes.txt", root + "/renamed notes.txt")
    os.rename(root + "/renamed notes.txt", root + "/dir/moved.txt")
    print(sorted(os.listdir(root)), sorted(os.listdir(root + "/dir")))
    with open(root + "/plus.txt") as f:
        print(f.read())
    os.rename(root + "/plus.txt", root + "/dir/moved.txt")
    with open(root + "/dir/moved.txt") as f:
        print(f.read())
    os.rename(root + "/dir/inner", root + "/inner2")
    print(sorted(os.listdir(root)), os.listdir(root + "/inner2"))
    with open(root + "/inner2/f.txt") as f:
        print(f.read())
    print(err(os.rename, root + "/nope", root + "/x"))

    # Long and unusual names; many files, so the directory grows past one cluster.
    names = ["a long file name with spaces.text", "UPPER.TXT", "mixed.Case.name", "x" * 200,
             "dots...middle", "plus+sign,comma;semi=eq[1].py", "naïve café", "日本語.txt", ".hidden"]
    for name in names:
        with open(root + "/dir/" + name, "w") as f:
            f.write(name)
    for name in names:
        with open(root + "/dir/" + name) as f:
            assert f.read() == name, name
    print(sorted(os.listdir(root + "/dir")) == sorted(names + ["moved.txt"]))
    for i in range(150):
        with open(root + "/inner2/file%03d.dat" % i, "w") as f:
            f.write(str(i))
    listing = os.listdir(root + "/inner2")
    print(len(listing), sorted(listing)[:3])
    for i in range(0, 150, 2):
        os.remove(root + "/inner2/file%03d.dat" % i)
    with open(root + "/inner2/file149.dat") as f:
        print(f.read(), len(os.listdir(root + "/inner2")))

    # Clean-up leaves the volume empty.
    rmtree(root + "/dir")
    rmtree(root + "/inner2")
    for name in os.listdir(root):
        os.remove(root + "/" + name)
    print(os.listdir(root))
    if sys.implementation.name == "cpython":
        os.rmdir(root)


for root in roots:
    run(root)

if sys.implementation.name != "cpython":
    free_before = [os.statvfs(r)[3] for r in roots]
    for r in roots:
        vfs.umount(r)
    img.close()
    os.remove(img_name)
