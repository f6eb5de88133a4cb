# VfsFat specifics: FAT type chosen by size, case-insensitive names, short names, read-only
# mounts, persistence across umount/mount, import from FAT, statvfs, and direct use of a
# VfsFat object without mounting it.
import os
import sys
import vfs

sys.path.insert(0, "../lib")
from blockdevs import RAMBlockDev


def err(fun, *args):
    try:
        fun(*args)
    except OSError as e:
        return e.errno
    return "ok"


# mkfs picks FAT12, FAT16 or FAT32 from the cluster count; one FAT, no partition table.
for block, blocks in ((512, 64), (512, 20000), (4096, 251), (4096, 763)):
    bdev = RAMBlockDev(block, blocks)
    vfs.VfsFat.mkfs(bdev)
    d = bdev.data
    kind = bytes(d[82:90] if d[17] == 0 and d[18] == 0 else d[54:62])
    vfs.mount(bdev, "/v")
    sv = os.statvfs("/v")
    print(block, blocks, kind, d[510], d[511], d[16], sv[0], sv[2], sv[3] == sv[2], sv[9])
    with open("/v/t.txt", "w") as f:
        f.write("x" * 5000)
    print(os.statvfs("/v")[3] == sv[3] - (5000 + sv[0] - 1) // sv[0], os.listdir("/v"))
    vfs.umount("/v")

bdev = RAMBlockDev(512, 256)
vfs.VfsFat.mkfs(bdev)
vfs.mount(bdev, "/fat")

# Names are found whatever their case; listing keeps the case they were created with.
with open("/fat/ReadMe.TXT", "w") as f:
    f.write("hello")
print(os.listdir("/fat"), open("/fat/README.txt").read(), open("/fat/readme.txt").read())
print(err(open, "/fat/readme.TXT", "x"), err(os.mkdir, "/fat/README.TXT"))
os.rename("/fat/readme.txt", "/fat/README.TXT")
print(os.listdir("/fat"))

# Short names: an uppercase 8.3 name is stored as it is; others get a long name entry and a
# short alias (~1, ~2 ... when they had to be shortened), which finds the file too.
for name in ("BOOT.PY", "boot2.py", "Long File Name.text", "Long File Name 2.text"):
    with open("/fat/" + name, "w") as f:
        f.write(name)
raw = bytes(bdev.data)
for alias in (b"BOOT    PY ", b"BOOT2   PY ", b"LONGFI~1TEX", b"LONGFI~2TEX"):
    print(alias, alias in raw)
print(open("/fat/LONGFI~2.TEX").read())
print(sorted(os.listdir("/fat")))
print(err(open, "/fat/bad:name", "w"), err(open, "/fat/" + "y" * 256, "w"), err(open, "/fat/trailing. ", "w"))
print(sorted(os.listdir("/fat")))

# Stat: mode, size and a modification time (seconds since 1970, two-second resolution).
st = os.stat("/fat/BOOT.PY")
print(st[0], st[6], st[8] > 1500000000, st[7] == st[8] == st[9], os.stat("/fat")[0])

# Import from a FAT volume.
os.mkdir("/fat/lib")
with open("/fat/lib/fatmod.py", "w") as f:
    f.write("def answer():\n    return 42\n")
sys.path.insert(0, "/fat/lib")
import fatmod

print(fatmod.answer(), fatmod.__file__)
sys.path.pop(0)

# cwd inside the volume.
here = os.getcwd()
os.chdir("/fat/lib")
print(os.getcwd(), os.listdir(), open("fatmod.py").readline())
os.chdir("..")
print(os.getcwd(), sorted(os.listdir()))
print(err(os.chdir, "/fat/BOOT.PY"), err(os.chdir, "/fat/none"))
os.chdir(here)

# Survives umount and mount; read-only refuses changes but reads.
vfs.umount("/fat")
print(err(os.listdir, "/fat"))
vfs.mount(bdev, "/fat", readonly=True)
print(sorted(os.listdir("/fat")), open("/fat/boot2.py").read())
print(err(open, "/fat/new", "w"), err(os.mkdir, "/fat/d"), err(os.remove, "/fat/BOOT.PY"),
      err(os.rename, "/fat/BOOT.PY", "/fat/B.PY"), err(open, "/fat/BOOT.PY", "a"))
vfs.umount("/fat")

# A VfsFat object can be used without the VFS, with paths relative to its root.
fs = vfs.VfsFat(bdev)
print(sorted(fs.ilistdir("/"))[0], fs.stat("lib")[0], fs.getcwd())
with fs.open("lib/../direct.txt", "w") as f:
    f.write("direct")
print(fs.open("/direct.txt").read(), [e[0] for e in fs.ilistdir("/lib")])
fs.remove("direct.txt")
print(err(fs.remove, "direct.txt"))

# Mounting a block device auto-detects FAT; an unformatted one gives ENODEV, unless mkfs.
print(err(vfs.mount, RAMBlockDev(512, 64), "/blank"))
blank = RAMBlockDev(512, 64)
vfs.mount(vfs.VfsFat(blank), "/blank", mkfs=True)
print(os.listdir("/blank"), bytes(blank.data[54:59]))
vfs.umount("/blank")
vfs.mount(bdev, "/fat")
print(sorted(p for f, p in vfs.mount()))
vfs.umount("/fat")
