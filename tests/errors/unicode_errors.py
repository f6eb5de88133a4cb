# Decoding and encoding errors raise the specific UnicodeError subclasses.
for data in (b'\xff', b'abc\xc3', b'\xc3\x28', b'\xed\xa0\x80'):
    try:
        data.decode()
    except UnicodeDecodeError as e:
        print('decode', type(e).__name__, isinstance(e, UnicodeError), isinstance(e, ValueError), e)
for s, enc in (('é', 'ascii'), ('€', 'latin-1')):
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print('encode', type(e).__name__, isinstance(e, UnicodeError), e)
print(issubclass(UnicodeDecodeError, UnicodeError), issubclass(UnicodeEncodeError, ValueError))
try:
    str(b'\x80abc', 'utf-8')
except UnicodeError as e:
    print(type(e).__name__)
