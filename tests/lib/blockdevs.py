# Block devices written in Python for filesystem tests: in RAM, and over a host file.


class RAMBlockDev:
    def __init__(self, block_size, num_blocks, data=None):
        self.block_size = block_size
        self.data = data if data is not None else bytearray(block_size * num_blocks)
        self.writes = 0

    def readblocks(self, block_num, buf, offset=0):
        addr = block_num * self.block_size + offset
        buf[:] = self.data[addr : addr + len(buf)]

    def writeblocks(self, block_num, buf, offset=None):
        addr = block_num * self.block_size + (offset or 0)
        self.data[addr : addr + len(buf)] = buf
        self.writes += 1

    def ioctl(self, op, arg):
        if op == 4:
            return len(self.data) // self.block_size
        if op == 5:
            return self.block_size
        if op == 6:
            return 0


class FileBlockDev:
    """Blocks of a host file (opened 'r+b'), as tools/flashimage uses."""

    def __init__(self, f, block_size, offset=0, num_blocks=None):
        self.f = f
        self.block_size = block_size
        self.offset = offset
        if num_blocks is None:
            f.seek(0, 2)
            num_blocks = (f.tell() - offset) // block_size
        self.num_blocks = num_blocks

    def readblocks(self, block_num, buf, offset=0):
        self.f.seek(self.offset + block_num * self.block_size + offset)
        self.f.readinto(buf)

    def writeblocks(self, block_num, buf, offset=None):
        self.f.seek(self.offset + block_num * self.block_size + (offset or 0))
        self.f.write(buf)

    def ioctl(self, op, arg):
        if op == 3:
            self.f.flush()
        if op == 4:
            return self.num_blocks
        if op == 5:
            return self.block_size
        if op == 6:
            return 0
