# fat_agent.py: run by espy for tests/_drivers/fat_tools_check.py: works on a FAT image file.
# Usage: espy fat_agent.py IMAGE BLOCK_SIZE mkfs | write TREE.json | dump | modify
import json
import os
import sys
import vfs


class FileBlockDev:
    def __init__(self, f, block_size):
        self.f = f
        self.block_size = block_size
        f.seek(0, 2)
        self.count = f.tell() // block_size

    def readblocks(self, n, buf, offset=0):
        self.f.seek(n * self.block_size + offset)
        self.f.readinto(buf)

    def writeblocks(self, n, buf, offset=None):
        self.f.seek(n * self.block_size + (offset or 0))
        self.f.write(buf)

    def ioctl(self, op, arg):
        if op == 4:
            return self.count
        if op == 5:
            return self.block_size


image, block, command = sys.argv[1], int(sys.argv[2]), sys.argv[3]
f = open(image, "r+b")
bdev = FileBlockDev(f, block)
if command == "mkfs":
    vfs.VfsFat.mkfs(bdev)
    sys.exit(0)
vfs.mount(bdev, "/img")


def walk(path, out):
    for name, kind, _, size in os.ilistdir("/img" + path):
        full = path + name
        if kind == 0x4000:
            out[full[1:] + "/"] = None
            walk(full + "/", out)
        else:
            with open("/img" + full, "rb") as g:
                data = g.read()
            assert len(data) == size and os.stat("/img" + full)[6] == size
            out[full[1:]] = data.decode()


if command == "write":
    with open(sys.argv[4]) as g:
        tree = json.load(g)
    for path, text in tree.items():
        if text is None:
            os.mkdir("/img/" + path[:-1])
    for path, text in tree.items():
        if text is not None:
            with open("/img/" + path, "wb") as g:
                data = text.encode()
                # In pieces, so files grow cluster by cluster as well as at once.
                g.write(data[: len(data) // 3])
                g.write(data[len(data) // 3 :])
elif command == "dump":
    out = {}
    walk("/", out)
    print(json.dumps(out))
elif command == "modify":
    for i in range(0, 60, 3):
        os.remove("/img/data/log%02d.txt" % i)
    os.rename("/img/MAIN.PY", "/img/lib/Moved Main.py")
    with open("/img/data/big.bin", "w") as g:
        g.write("short now\n")
    with open("/img/lib/pkg/grown.txt", "w") as g:
        for _ in range(9):
            g.write("g" * 1000)
vfs.umount("/img")
f.close()
