# onewire.py: the 1-wire bus (Dallas/Maxim) on one pin: reset, bits, bytes, ROM selection and search.

import _onewire as _ow


class OneWireError(Exception):
    pass


class OneWire:
    SEARCH_ROM = 0xF0
    MATCH_ROM = 0x55
    SKIP_ROM = 0xCC

    def __init__(self, pin):
        self.pin = pin
        pin.init(pin.OPEN_DRAIN, pin.PULL_UP)

    def reset(self, required=False):
        present = _ow.reset(self.pin)
        if required and not present:
            raise OneWireError
        return present

    def readbit(self):
        return _ow.readbit(self.pin)

    def readbyte(self):
        return _ow.readbyte(self.pin)

    def readinto(self, buf):
        for i in range(len(buf)):
            buf[i] = _ow.readbyte(self.pin)

    def writebit(self, value):
        return _ow.writebit(self.pin, value)

    def writebyte(self, value):
        return _ow.writebyte(self.pin, value)

    def write(self, buf):
        for byte in buf:
            _ow.writebyte(self.pin, byte)

    def select_rom(self, rom):
        self.reset()
        self.writebyte(self.MATCH_ROM)
        self.write(rom)

    def scan(self):
        # Each pass of the search finds one ROM; `fork` is the last bit where devices
        # disagreed and this pass took the 0 branch, so the next pass takes 1 there.
        roms = []
        previous = bytearray(8)
        fork = 0
        while True:
            rom, fork = self._search(previous, fork)
            if rom is None:
                break
            roms.append(rom)
            if fork == 0:
                break
            previous = rom
        return roms

    def _search(self, previous, fork):
        if not self.reset():
            return None, 0
        self.writebyte(self.SEARCH_ROM)
        rom = bytearray(8)
        last_zero = 0
        for position in range(1, 65):
            index = (position - 1) >> 3
            mask = 1 << ((position - 1) & 7)
            bit = self.readbit()
            complement = self.readbit()
            if bit and complement:
                return None, 0  # nobody answered
            if bit == complement:
                # Devices differ here: follow the previous pass up to its fork, then branch.
                if position < fork:
                    bit = 1 if previous[index] & mask else 0
                else:
                    bit = 1 if position == fork else 0
                if not bit:
                    last_zero = position
            self.writebit(bit)
            if bit:
                rom[index] |= mask
        return rom, last_zero

    def crc8(self, data):
        return _ow.crc8(data)
