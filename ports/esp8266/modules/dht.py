# dht.py: DHT11 and DHT22 temperature and humidity sensors on one data pin.

from machine import dht_readinto


class DHTBase:
    def __init__(self, pin):
        self.pin = pin
        self.buf = bytearray(5)

    def measure(self):
        buf = self.buf
        dht_readinto(self.pin, buf)
        if (buf[0] + buf[1] + buf[2] + buf[3]) & 0xFF != buf[4]:
            raise Exception("checksum error")


class DHT11(DHTBase):
    # Whole degrees Celsius and whole percent.
    def humidity(self):
        return self.buf[0]

    def temperature(self):
        return self.buf[2]


class DHT22(DHTBase):
    # Tenths, big-endian; the temperature's top bit is its sign. (Dividing by 10 rounds better
    # than multiplying by 0.1, and frozen code holds no float constants.)
    def humidity(self):
        return (self.buf[0] << 8 | self.buf[1]) / 10

    def temperature(self):
        tenths = (self.buf[2] & 0x7F) << 8 | self.buf[3]
        if self.buf[2] & 0x80:
            tenths = -tenths
        return tenths / 10
