# flashbdev.py: the part of the SPI flash after the firmware as a block device, one block per
# 4 KiB sector; `bdev` is None on flash smaller than 1 MiB (no filesystem there).
import esp


class FlashBdev:
    SEC_SIZE = 4096

    def __init__(self, start_sec, blocks):
        self.start_sec = start_sec
        self.blocks = blocks

    def readblocks(self, n, buf, off=0):
        esp.flash_read((self.start_sec + n) * self.SEC_SIZE + off, buf)

    def writeblocks(self, n, buf, off=None):
        # The plain form rewrites whole sectors; the extended form (with an offset) only
        # programs, the filesystem having erased first.
        if off is None:
            esp.flash_erase(self.start_sec + n)
            off = 0
        esp.flash_write((self.start_sec + n) * self.SEC_SIZE + off, buf)

    def ioctl(self, op, arg):
        if op == 4:  # number of blocks
            return self.blocks
        if op == 5:  # block size
            return self.SEC_SIZE
        if op == 6:  # erase a block
            esp.flash_erase(self.start_sec + arg)
            return 0
        return None


def _make():
    size = esp.flash_size()
    if size < 1024 * 1024:
        return None
    start = esp.flash_user_start() // FlashBdev.SEC_SIZE
    if start < 256:
        start += 1  # the sector after the 1 MiB build's firmware is kept for native code
    # The last 20 KiB hold the SDK's parameters.
    return FlashBdev(start, (size - 20480) // FlashBdev.SEC_SIZE - start)


bdev = _make()
