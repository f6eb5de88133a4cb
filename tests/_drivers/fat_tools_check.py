#!/usr/bin/env python3
"""fat_tools_check.py: FAT images written by espy checked with dosfstools and mtools, and back.

- espy formats and fills images (512- and 4096-byte sectors, FAT12 and FAT16); `fsck.fat -n`
  must find nothing to repair, and mtools (mdir, mcopy -i) must list and read exactly what
  espy wrote.
- mtools copies files into espy's images and mkfs.fat makes images of its own (FAT12/16/32,
  two FATs); espy must read them, change them, and leave them clean for fsck.fat.
espy runs tests/_drivers/fat_agent.py on a file-backed block device. Run by `make test`
(with python3); prints `N passed, M failed`.
Usage: tests/_drivers/fat_tools_check.py [--espy PATH]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
AGENT = os.path.join(HERE, "fat_agent.py")
TOOLS_ENV = dict(os.environ, MTOOLS_SKIP_CHECK="1", LANG="C.UTF-8", LC_ALL="C.UTF-8")

# What espy writes: path -> text content ("/" at the end: a directory).
TREE = {
    "boot.py": "# boot\nimport os\n",
    "MAIN.PY": "print('main')\n",
    "lib/": None,
    "lib/Long Module Name.py": "x = 1\n" * 700,
    "lib/pkg/": None,
    "lib/pkg/__init__.py": "",
    "lib/pkg/deep name with spaces.txt": "deep\n",
    "data/": None,
    "data/big.bin": "".join(chr(65 + i % 26) for i in range(30000)),
    "data/naïve café.txt": "unicode name\n",
    "data/mixed.Case.Name.json": "{}\n",
}
for i in range(60):
    TREE["data/log%02d.txt" % i] = "line %d\n" % i


class Failure(Exception):
    pass


def run(argv, env=None, check=True):
    p = subprocess.run(argv, capture_output=True, env=env, timeout=120)
    if check and p.returncode != 0:
        raise Failure("%s exited %d: %s %s" % (" ".join(argv), p.returncode, p.stdout.decode(errors="replace")[-800:],
                                                p.stderr.decode(errors="replace")[-800:]))
    return p


def agent(espy, img, block, *args):
    p = run([espy, AGENT, img, str(block)] + list(args))
    return p.stdout.decode()


def blank_image(path, size):
    with open(path, "wb") as f:
        f.truncate(size)


def fsck_clean(img):
    p = run(["fsck.fat", "-n", img], check=False)
    out = p.stdout.decode(errors="replace").strip().splitlines()
    # A clean volume prints the version line and one summary line only.
    if p.returncode != 0 or len(out) != 2 or "files," not in out[-1]:
        raise Failure("fsck.fat -n %s (status %d):\n%s" % (img, p.returncode, "\n".join(out[:30])))


def tools_listing(img):
    out = run(["mdir", "-i", img, "-/", "-b", "::"], env=TOOLS_ENV).stdout.decode()
    return sorted(line[3:] for line in out.splitlines() if line.startswith("::/"))


def tools_read(img, path):
    return run(["mcopy", "-n", "-i", img, "::/" + path, "-"], env=TOOLS_ENV).stdout


def check_tree_with_tools(img, tree):
    want = sorted(tree)
    got = tools_listing(img)
    if got != want:
        raise Failure("mdir lists %s\nexpected %s" % (sorted(set(got) ^ set(want)), "(symmetric difference)"))
    for path, text in tree.items():
        if text is not None and tools_read(img, path) != text.encode():
            raise Failure("mcopy reads %s differently" % path)


def check_tree_with_espy(espy, img, block, tree):
    got = json.loads(agent(espy, img, block, "dump"))
    want = {path: text for path, text in tree.items()}
    if got != want:
        diff = sorted(k for k in set(got) | set(want) if got.get(k, "?") != want.get(k, "?"))
        raise Failure("espy reads differently: %s" % diff[:10])


def espy_writes(espy, tmp, block, size):
    img = os.path.join(tmp, "espy-%d-%d.img" % (block, size))
    blank_image(img, size)
    tree_file = os.path.join(tmp, "tree.json")
    with open(tree_file, "w") as f:
        json.dump(TREE, f)
    agent(espy, img, block, "mkfs")
    agent(espy, img, block, "write", tree_file)
    fsck_clean(img)
    check_tree_with_tools(img, TREE)
    # Changes: removals, renames across directories, growth and truncation.
    agent(espy, img, block, "modify")
    tree = modified(TREE)
    fsck_clean(img)
    check_tree_with_tools(img, tree)
    check_tree_with_espy(espy, img, block, tree)
    return img


def modified(tree):
    tree = dict(tree)
    for i in range(0, 60, 3):
        del tree["data/log%02d.txt" % i]
    tree["lib/Moved Main.py"] = tree.pop("MAIN.PY")
    tree["data/big.bin"] = "short now\n"
    tree["lib/pkg/grown.txt"] = "g" * 9000
    return tree


def tools_write_espy_reads(espy, tmp, block, size):
    img = os.path.join(tmp, "mixed-%d.img" % block)
    blank_image(img, size)
    agent(espy, img, block, "mkfs")
    src = os.path.join(tmp, "src")
    os.makedirs(os.path.join(src, "Tool Dir"), exist_ok=True)
    files = {"Tool Dir/from mtools.txt": "written by mcopy\n" * 50, "Tool Dir/SHORT.TXT": "S\n",
             "readme.md": "# readme\n", "Tool Dir/a much longer file name than eight.data": "L" * 5000}
    for path, text in files.items():
        with open(os.path.join(src, path), "w") as f:
            f.write(text)
    run(["mcopy", "-s", "-i", img, os.path.join(src, "Tool Dir"), os.path.join(src, "readme.md"), "::/"], env=TOOLS_ENV)
    fsck_clean(img)
    tree = {"Tool Dir/": None}
    tree.update(files)
    check_tree_with_espy(espy, img, block, tree)
    return img


def foreign_image(espy, tmp, fat_bits, sector, size, extra=()):
    img = os.path.join(tmp, "mkfs-fat%d-%d.img" % (fat_bits, sector))
    blank_image(img, size)
    run(["mkfs.fat", "-F", str(fat_bits), "-S", str(sector), "-n", "FOREIGN"] + list(extra) + [img])
    src = os.path.join(tmp, "foreign.txt")
    with open(src, "w") as f:
        f.write("from the host\n" * 300)
    run(["mmd", "-i", img, "::/Host Folder"], env=TOOLS_ENV)
    run(["mcopy", "-i", img, src, "::/Host Folder/Foreign File.txt"], env=TOOLS_ENV)
    tree = {"Host Folder/": None, "Host Folder/Foreign File.txt": "from the host\n" * 300}
    check_tree_with_espy(espy, img, sector, tree)
    tree_file = os.path.join(tmp, "small-tree.json")
    add = {"espy dir/": None, "espy dir/made by espy.txt": "espy\n" * 2000, "ESPY.TXT": "E"}
    with open(tree_file, "w") as f:
        json.dump(add, f)
    agent(espy, img, sector, "write", tree_file)
    fsck_clean(img)
    tree.update(add)
    check_tree_with_tools(img, tree)
    check_tree_with_espy(espy, img, sector, tree)


FLASHIMAGE = os.path.join(REPO, "tools", "flashimage")
FLASH_LAYOUTS = {"1M": (0x99000, 98), "2M": (0x100000, 251), "4M": (0x100000, 763)}


def flashimage(espy, tmp, size_name):
    """tools/flashimage: the filesystem where flashbdev looks, 0xFF elsewhere, clean, round trip."""
    src = os.path.join(tmp, "folder")
    os.makedirs(os.path.join(src, "lib", "sub dir"))
    files = {"boot.py": b"import gc\ngc.collect()\n", "main.py": b"print('hi')\n",
             "lib/sub dir/Module Name.py": b"X = 1\n" * 900, "lib/data.bin": bytes(range(256)) * 90}
    for path, data in files.items():
        with open(os.path.join(src, path), "wb") as f:
            f.write(data)
    firmware = os.path.join(tmp, "firmware.bin")
    with open(firmware, "wb") as f:
        f.write(b"\xe9" + bytes(range(1, 256)) * 100)
    img = os.path.join(tmp, "flash.bin")
    run([sys.executable, FLASHIMAGE, "--espy", espy, "build", "--size", size_name, "--firmware", firmware, src, img])
    with open(img, "rb") as f:
        flash = f.read()
    offset, blocks = FLASH_LAYOUTS[size_name]
    with open(firmware, "rb") as f:
        fw = f.read()
    if flash[: len(fw)] != fw or set(flash[len(fw) : offset]) != {0xFF} or set(flash[offset + blocks * 4096 :]) != {0xFF}:
        raise Failure("firmware or 0xFF padding misplaced")
    boot = flash[offset : offset + 512]
    if boot[11:13] != (4096).to_bytes(2, "little") or int.from_bytes(boot[19:21], "little") != blocks:
        raise Failure("filesystem boot sector: sector size or count wrong")
    region = os.path.join(tmp, "region.img")
    with open(region, "wb") as f:
        f.write(flash[offset : offset + blocks * 4096])
    fsck_clean(region)
    tree = {"lib/": None, "lib/sub dir/": None}
    tree.update({k: v.decode("latin-1") for k, v in files.items()})
    got = tools_listing(img + "@@%d" % offset)
    if got != sorted(tree):
        raise Failure("mdir at the offset lists %s" % got)
    listing = run([sys.executable, FLASHIMAGE, "--espy", espy, "list", img]).stdout.decode().split("\n")
    if "%d lib/sub dir/Module Name.py" % len(files["lib/sub dir/Module Name.py"]) not in listing or "dir lib/" not in listing:
        raise Failure("flashimage list shows %s" % listing)
    out = os.path.join(tmp, "out")
    run([sys.executable, FLASHIMAGE, "--espy", espy, "extract", img, out])
    for path, data in files.items():
        with open(os.path.join(out, path), "rb") as f:
            if f.read() != data:
                raise Failure("extracted %s differs" % path)
    if run([sys.executable, FLASHIMAGE, "--espy", espy, "build", "--size", "512K", src, img], check=False).returncode == 0:
        raise Failure("a 512K image must be refused (no filesystem)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--espy", default=os.path.join(REPO, "build", "espy"))
    args = parser.parse_args()
    espy = os.path.abspath(args.espy)
    for tool in ("fsck.fat", "mkfs.fat", "mdir", "mcopy", "mmd"):
        if shutil.which(tool) is None:
            print("fat_tools_check: %s not found (tools/install-deps installs dosfstools and mtools)" % tool)
            print("0 passed, 1 failed")
            return 1
    cases = [
        ("espy writes FAT12, 512-byte sectors", lambda t: espy_writes(espy, t, 512, 1024 * 1024)),
        ("espy writes FAT12, 4096-byte sectors (ESP8266 flash)", lambda t: espy_writes(espy, t, 4096, 1004 * 1024)),
        ("espy writes FAT16", lambda t: espy_writes(espy, t, 512, 12 * 1024 * 1024)),
        ("mtools writes, espy reads (512)", lambda t: tools_write_espy_reads(espy, t, 512, 1024 * 1024)),
        ("mtools writes, espy reads (4096)", lambda t: tools_write_espy_reads(espy, t, 4096, 2 * 1024 * 1024)),
        ("mkfs.fat FAT12 image", lambda t: foreign_image(espy, t, 12, 512, 2 * 1024 * 1024)),
        ("mkfs.fat FAT16 image, 4096-byte sectors", lambda t: foreign_image(espy, t, 16, 4096, 24 * 1024 * 1024, ["-s", "1"])),
        ("mkfs.fat FAT32 image", lambda t: foreign_image(espy, t, 32, 512, 40 * 1024 * 1024)),
        ("flashimage 1M", lambda t: flashimage(espy, t, "1M")),
        ("flashimage 2M", lambda t: flashimage(espy, t, "2M")),
        ("flashimage 4M", lambda t: flashimage(espy, t, "4M")),
    ]
    passed = failed = 0
    for name, case in cases:
        tmp = tempfile.mkdtemp(prefix="fat-tools-")
        try:
            case(tmp)
            passed += 1
            print("ok    %s" % name)
        except (Failure, subprocess.TimeoutExpired) as e:
            failed += 1
            print("FAIL  %s\n      %s" % (name, str(e).replace("\n", "\n      ")))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
