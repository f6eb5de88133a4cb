# integer literals in every base, with underscores
print(0, 7, 123, 1_000_000)
print(0x0, 0xff, 0XAB, 0x_dead_beef)
print(0o0, 0o17, 0O777, 0o_1_2)
print(0b0, 0b1011, 0B1111_0000)
print(00, 0_0)
print(-0x10, +0b11, ~0o7)
print(123456789012345678901234567890)
print(0xffffffffffffffffffffffff)
