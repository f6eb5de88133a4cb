# ds18x20.py: DS18S20, DS1822 and DS18B20 temperature sensors on a onewire.OneWire bus.

_CONVERT = 0x44
_READ_SCRATCH = 0xBE
_WRITE_SCRATCH = 0x4E
_FAMILIES = (0x10, 0x22, 0x28)


class DS18X20:
    def __init__(self, onewire):
        self.ow = onewire
        self.buf = bytearray(9)

    def scan(self):
        return [rom for rom in self.ow.scan() if rom[0] in _FAMILIES]

    def convert_temp(self):
        # Every sensor on the bus starts measuring; the result is ready after 750 ms.
        self.ow.reset(True)
        self.ow.writebyte(self.ow.SKIP_ROM)
        self.ow.writebyte(_CONVERT)

    def _select(self, rom):
        self.ow.reset(True)
        self.ow.writebyte(self.ow.MATCH_ROM)
        self.ow.write(rom)

    def read_scratch(self, rom):
        self._select(rom)
        self.ow.writebyte(_READ_SCRATCH)
        self.ow.readinto(self.buf)
        if self.ow.crc8(self.buf):
            raise Exception("CRC error")
        return self.buf

    def write_scratch(self, rom, buf):
        self._select(rom)
        self.ow.writebyte(_WRITE_SCRATCH)
        self.ow.write(buf)

    def read_temp(self, rom):
        buf = self.read_scratch(rom)
        raw = buf[1] << 8 | buf[0]
        if raw & 0x8000:
            raw -= 0x10000
        if rom[0] == 0x10:
            # DS18S20: whole degrees (the half-degree bit dropped) - 1/4, refined with
            # COUNT_REMAIN (byte 6) and COUNT_PER_C (byte 7). No float constants: it is frozen.
            return ((raw >> 1) * 4 - 1) / 4 + (buf[7] - buf[6]) / buf[7]
        return raw / 16
