# Corrupt and foreign images give OSError (ENODEV, EIO, EINVAL...), never a crash or a hang:
# empty and random boot sectors, broken BPB fields, FAT loops, out-of-range clusters, and
# many randomly garbled copies of a populated volume.
# timeout: 120
import os
import sys
import vfs

sys.path.insert(0, "../lib")
from blockdevs import RAMBlockDev

ENODEV, EIO, EINVAL = 19, 5, 22


def outcome(fun, *args):
    try:
        fun(*args)
        return "ok"
    except OSError as e:
        return "OSError %d" % e.errno


def try_mount(data, block=512):
    bdev = RAMBlockDev(block, len(data) // block, data)
    r = outcome(vfs.mount, bdev, "/bad")
    if r == "ok":
        vfs.umount("/bad")
    return r


class Lcg:
    def __init__(self, seed):
        self.x = seed

    def next(self, n):
        self.x = (self.x * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.x >> 8) % n


rnd = Lcg(7)
print("zeros", try_mount(bytearray(512 * 64)))
print("erased flash", try_mount(bytearray(b"\xff" * 512 * 64)))
print("random", try_mount(bytearray(rnd.next(256) for _ in range(512 * 64))))
print("littlefs", try_mount(bytearray(b"\x00" * 8 + b"littlefs" + bytes(512 * 64 - 16))))
print("not a block device", outcome(vfs.mount, object(), "/bad"))


def make_volume(block=512, blocks=128):
    bdev = RAMBlockDev(block, blocks)
    vfs.VfsFat.mkfs(bdev)
    vfs.mount(bdev, "/v")
    os.mkdir("/v/dir")
    with open("/v/dir/file.txt", "w") as f:
        f.write("x" * 3000)
    with open("/v/small", "w") as f:
        f.write("small")
    vfs.umount("/v")
    return bdev.data


good = make_volume()
print("good", try_mount(bytearray(good)))
print("wrong block size", try_mount(bytearray(good) + bytes(512 * 8 * 7), 4096))

# Each boot-sector field set to values that make no sense.
fields = {"jump": 0, "bytes per sector": 11, "sectors per cluster": 13, "reserved": 14, "fats": 16,
          "root entries": 17, "total16": 19, "fat size": 22, "signature": 510}
for name, offset in fields.items():
    results = []
    for value in (0, 1, 3, 0x80, 0xFF):
        data = bytearray(good)
        data[offset] = value
        if name in ("bytes per sector", "reserved", "root entries", "total16", "fat size"):
            data[offset + 1] = value
        results.append(try_mount(data))
    print(name, results)


def walk(path, depth=0):
    if depth > 8:
        return
    for entry in os.ilistdir(path):
        full = path + "/" + entry[0]
        os.stat(full)
        if entry[1] == 0x4000:
            walk(full, depth + 1)
        else:
            with open(full, "rb") as f:
                while f.read(1000):
                    pass


def exercise(data):
    bdev = RAMBlockDev(512, len(data) // 512, data)
    r = outcome(vfs.mount, bdev, "/f")
    if r != "ok":
        return r
    results = [outcome(walk, "/f")]
    results.append(outcome(lambda: open("/f/new.txt", "w").write("new data" * 100)))
    results.append(outcome(os.mkdir, "/f/newdir"))
    results.append(outcome(os.remove, "/f/small"))
    results.append(outcome(os.statvfs, "/f"))
    results.append(outcome(walk, "/f"))
    vfs.umount("/f")
    return " ".join(results)


# Layout of the good volume: one reserved sector, one FAT, the root directory, then data.
fat_start = good[14] | good[15] << 8
fat_size = good[22] | good[23] << 8
root_start = fat_start + fat_size
data_start = root_start + ((good[17] | good[18] << 8) * 32) // 512


def set_fat12(data, cluster, value):
    at = fat_start * 512 + cluster + cluster // 2
    if cluster & 1:
        data[at] = (data[at] & 0x0F) | ((value & 0x0F) << 4)
        data[at + 1] = value >> 4
    else:
        data[at] = value & 0xFF
        data[at + 1] = (data[at + 1] & 0xF0) | (value >> 8)


data = bytearray(good)
for c in range(2, 20):
    set_fat12(data, c, c)  # every cluster points at itself
print("self loops", exercise(data))
data = bytearray(good)
for c in range(2, 20):
    set_fat12(data, c, 2 if c == 19 else c + 1)  # one long loop
print("long loop", exercise(data))
data = bytearray(good)
for c in range(2, 20):
    set_fat12(data, c, 0xFF0)  # out of range
print("out of range", exercise(data))
data = bytearray(good)
for c in range(2, 20):
    set_fat12(data, c, 0)  # chains marked free
print("free chains", exercise(data))
data = bytearray(good)
for e in range(4):  # directory entries whose first cluster lies outside the volume
    at = root_start * 512 + e * 32
    data[at + 26] = 0xF0
    data[at + 27] = 0xFF
print("bad first clusters", exercise(data))
data = bytearray(good)
for e in range(4):  # sizes far larger than the chains
    at = root_start * 512 + e * 32 + 28
    data[at : at + 4] = b"\xff\xff\xff\x7f"
print("huge sizes", exercise(data))

# Garbled copies: random bytes of the boot sector, FAT and directories overwritten.
for round in range(150):
    data = bytearray(good)
    for _ in range(1 + rnd.next(12)):
        at = rnd.next((data_start + 8) * 512)
        data[at] = rnd.next(256)
    exercise(data)
print("garbled copies survived")
print(sorted(p for f, p in vfs.mount()))
