# A filesystem written in Python, mounted beside the host's: the VFS resolves paths and calls
# its methods (paths inside it start with '/'); open(), os.* and import all go through it.
import io
import os
import sys
import vfs

log = []


class RamFile(io.IOBase):
    def __init__(self, fs, path, data):
        self.fs = fs
        self.path = path
        self.buf = io.BytesIO(data)

    def readinto(self, b):
        data = self.buf.read(len(b))
        b[: len(data)] = data
        return len(data)

    def write(self, data):
        return self.buf.write(data)

    def close(self):
        self.fs.files[self.path] = self.buf.getvalue()


class RamFS:
    def __init__(self):
        self.files = {}
        self.dirs = {"/"}

    def mount(self, readonly, mkfs):
        log.append(("mount", readonly, mkfs))

    def umount(self):
        log.append(("umount",))

    def open(self, path, mode):
        log.append(("open", path, mode))
        if "w" in mode:
            self.files[path] = b""
        elif path not in self.files:
            raise OSError(2)
        return RamFile(self, path, self.files[path])

    def ilistdir(self, path):
        log.append(("ilistdir", path))
        prefix = path.rstrip("/") + "/"
        for name in sorted(self.files):
            if name.startswith(prefix) and "/" not in name[len(prefix):]:
                yield (name[len(prefix):], 0x8000, 0, len(self.files[name]))
        for name in sorted(self.dirs):
            if name != "/" and name.startswith(prefix) and "/" not in name[len(prefix):]:
                yield (name[len(prefix):], 0x4000, 0, 0)

    def mkdir(self, path):
        if path in self.dirs:
            raise OSError(17)
        self.dirs.add(path)

    def rmdir(self, path):
        self.dirs.remove(path)

    def remove(self, path):
        del self.files[path]

    def rename(self, old, new):
        self.files[new] = self.files.pop(old)

    def stat(self, path):
        log.append(("stat", path))
        if path in self.dirs:
            return (0x4000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        if path in self.files:
            return (0x8000, 0, 0, 0, 0, 0, len(self.files[path]), 0, 0, 0)
        raise OSError(2)

    def statvfs(self, path):
        return (512, 512, 100, 50, 50, 0, 0, 0, 0, 255)

    def chdir(self, path):
        log.append(("chdir", path))

    def getcwd(self):
        return "/"


fs = RamFS()
vfs.mount(fs, "/ram", readonly=True)
print(log.pop())
print([p for f, p in vfs.mount()])
try:
    vfs.mount(RamFS(), "/ram")
except OSError as e:
    print("mount again", e.errno)

with open("/ram/hello.txt", "w") as f:
    f.write(b"line one\nline two\n")
print(log.pop())
print(fs.files)
with open("/ram/hello.txt") as f:
    print(f.read())
print(log.pop())

os.mkdir("/ram/lib")
with open("/ram/lib/ramod.py", "w") as f:
    f.write(b"VALUE = 42\nprint('ramod imported')\n")
print(sorted(os.listdir("/ram")), os.listdir("/ram/lib"))
print(list(os.ilistdir("/ram/lib")))
print(os.stat("/ram/lib/ramod.py"))
print(os.statvfs("/ram/x"))

sys.path.insert(0, "/ram/lib")
import ramod

print(ramod.VALUE, ramod.__file__)
sys.path.pop(0)

here = os.getcwd()
log.clear()
os.chdir("/ram/lib")
print(log, os.getcwd())
with open("../hello.txt") as f:
    print(f.readline())
os.rename("ramod.py", "/ram/renamed.py")
print(sorted(fs.files))
try:
    os.rename("/ram/renamed.py", here + "/elsewhere.py")
except OSError as e:
    print("rename across filesystems", e.errno)
os.remove("/ram/renamed.py")
os.chdir(here)
print(os.getcwd() == here)

try:
    open("/ram/missing")
except OSError as e:
    print("missing", e.errno)

log.clear()
vfs.umount("/ram")
print(log, [p for f, p in vfs.mount()])
try:
    vfs.umount("/ram")
except OSError as e:
    print("umount again", e.errno)
vfs.mount(fs, "/ram2")
vfs.umount(fs)
print([p for f, p in vfs.mount()])
print(os.mount is vfs.mount, os.umount is vfs.umount)
