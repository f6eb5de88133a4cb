import binascii

print(binascii.hexlify(b"\x00\x01\xfe\xff"), binascii.hexlify(b""), binascii.b2a_hex(b"abc"))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", ":"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b"-", 2),
      binascii.hexlify(b"\x01\x02\x03\x04\x05", " ", -2))
print(binascii.unhexlify(b"0001feFF"), binascii.unhexlify("abcd"), binascii.a2b_hex(b""))
for data in (b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256))):
    enc = binascii.b2a_base64(data)
    print(enc, binascii.a2b_base64(enc) == data)
print(binascii.b2a_base64(b"hello", newline=False))
print(binascii.a2b_base64("aGVs\nbG8=\n"), binascii.a2b_base64(b"aGVsbG8"+b"="), binascii.a2b_base64(b"a!GVsbG8="))
print(binascii.crc32(b""), binascii.crc32(b"hello"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(b"hello world"))
print(binascii.crc32(b"abc", 0xffffffff), binascii.crc32(bytearray(b"xyz")))

def err(f, *args):
    try:
        print(f(*args))
    except ValueError as e:
        print("ValueError", e)
    except Exception as e:
        print(type(e).__name__, e)

err(binascii.unhexlify, b"abc")
err(binascii.unhexlify, b"zz")
err(binascii.a2b_base64, b"aGVsbG8")
err(binascii.a2b_base64, b"a")
err(binascii.hexlify, "abc")
err(binascii.hexlify, b"ab", "::")
