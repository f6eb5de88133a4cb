# bytes.hex(sep, bytes_per_sep) with a group at the ends of the word (negating -2**63
# overflowed; found by tools/fuzz.py). .exp: CPython wants a C int there (OverflowError);
# espy takes any word, a group wider than the data puts no separator in.
for group in [-2**63, 2**63 - 1, -2**63 + 1, -1, 1, 3, -3]:
    for data in [b"", b"\x01", b"\x01\x02\x03\x04\x05"]:
        print(group, data.hex(":", group), bytearray(data).hex("-", group))
