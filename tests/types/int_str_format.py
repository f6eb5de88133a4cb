# int formatting
print(str(255), repr(-255), hex(255), oct(8), bin(5), hex(-1), bin(-6), oct(0))
print(hex(2 ** 70), bin(2 ** 33))
print("%d %i %5d %-5d| %05d %x %X %o %+d" % (42, 42, 42, 42, 42, 255, 255, 8, 3))
print("{} {:d} {:>6} {:<6}| {:^6}| {:06} {:x} {:#x} {:#o} {:#b} {:,}".format(1, 2, 3, 4, 5, 6, 255, 255, 8, 5, 1234567))
print(format(42, "08b"), format(-42, "x"), format(42, "+"))
