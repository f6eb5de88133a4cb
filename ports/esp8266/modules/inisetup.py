# inisetup.py: first-time setup of a board: WiFi access point, filesystem, default boot.py.
# Runs from _boot.py when the flash holds no filesystem that mounts.
import vfs

from flashbdev import bdev

BOOT_PY = """\
# This file is executed on every boot (including wake-boot from deepsleep)
#import esp
#esp.osdebug(None)
import os, machine
#os.dupterm(None, 1) # disable REPL on UART(0)
import gc
#import webrepl
#webrepl.start()
gc.collect()
"""


def check_bootsec():
    # A filesystem that did not mount is left alone unless its first sector is blank.
    sector = bytearray(bdev.SEC_SIZE)
    bdev.readblocks(0, sector)
    for byte in sector:
        if byte != 0xFF:
            fs_corrupted()
    return True


def fs_corrupted():
    import time
    import micropython

    micropython.kbd_intr(3)  # Ctrl-C ends the loop
    while True:
        print(
            """\
The filesystem starting at sector %d with size %d sectors looks corrupt.
You may want to make a flash snapshot and try to recover it. Otherwise,
format it with vfs.VfsFat.mkfs(bdev), or completely erase the flash and
reprogram MicroPython.
"""
            % (bdev.start_sec, bdev.blocks)
        )
        time.sleep(3)


def wifi():
    try:
        import network
    except ImportError:
        return  # a build without WiFi
    import binascii

    ap = network.WLAN(network.AP_IF)
    ssid = b"MicroPython-%s" % binascii.hexlify(ap.config("mac")[-3:])
    ap.config(ssid=ssid, security=network.AUTH_WPA_WPA2_PSK, key=b"micropythoN")


def setup():
    check_bootsec()
    print("Performing initial setup")
    wifi()
    vfs.VfsFat.mkfs(bdev)
    fs = vfs.VfsFat(bdev)
    vfs.mount(fs, "/")
    with open("boot.py", "w") as f:
        f.write(BOOT_PY)
    return fs
