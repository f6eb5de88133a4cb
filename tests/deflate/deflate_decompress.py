# deflate.DeflateIO reading streams made by CPython's zlib and gzip: every block type, every format.
import io
import sys

sys.path.insert(0, "lib")
try:
    import deflate
except ImportError:
    import deflate_shim as deflate


def words(n, seed):
    ws = [b"alpha", b"beta", b"gamma", b"delta", b"deflate", b"window", b"huffman", b"the", b"a", b"of", b"espy", b"\n"]
    out = bytearray()
    x = seed
    while len(out) < n:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out += ws[(x >> 16) % len(ws)] + b" "
    return bytes(out[:n])


TEXT = words(3000, 7)
SMALL = b"Hello, deflate! " * 3 + b"The quick brown fox jumps over the lazy dog.\n" * 4 + bytes(range(256))

ZLIB_DYNAMIC = bytes.fromhex(
    "78da75565b6ee3300cfce7297c352de2340b246d81a608f6f62bf121ce500ab6ebd832c5c77086f2e5bcdedbf33c3eda"
    "e3d18e76dc7eafd747fb3ce478fdfdbc7cbde68219f822ff3c6fb19f8cce9fef7fc79ff319cbfadc63dcbf6fadfbbf9c"
    "f767c653bba6aebeae6fbde9c5535537c37efcb7a78b1793bff719dd2c348c7ae1baec2d055453cf67412361b29deab2"
    "1bc67abf8d24a643ced1620dffb1e2102cfb0837801c6eadd0f1af074e179090ec5b671bb1628f36b3c8f2b2cdeca363"
    "600654a74c6c80027615cd52dfe1156a12b2c70ab3d95441a63e0c8469655ecc506dec96701774b4c1cff721af3c25af"
    "3681b675d89bf9172fd1e86110c6b1eae57537fd6f185863b0742a522007ee47c68166c6628a148a1654ac9044b255de"
    "47024836593682cb767ac6535d0d85533556b81e80576ea84fbd209d17b01ccd24735f704b1e099e18a087815ad45afb"
    "a60284942d5d9807f12b9397d009a2a96115ef2310f9a55e82dc10720bb392310adf3ae6e92c50662137c9505854151b"
    "22ccb0262b532e71918e032121cf26d108435fac2bf55be64e7f04beda9ecabe3991a031f368e0d32be1f7bc810633d1"
    "05c0408e872a08f08d5ef36e4987766c46214e87c085675b22c2eb72d4590bbccf36d78142cf48139e14092083413471"
    "f9f9bcc13352a557168841e4679d6a71c64c86a6c42a937310bdf9f819cbf3404f4423c41bed6df834477f19a79c249f"
    "68c8b4a5519cfaa29c6c620c5a1f4cd443f81013a078392b809ed8d5721e0a717733b2c35b9e20308865439b29f3dc31"
    "d1db4c4c10459129f5a30a6a4ea0384f64f91c2565738ff0e3266bb7436776472a56fa7eb8f80f638d1e21"
)
GZIP_DYNAMIC = bytes.fromhex(
    "1f8b080000000000020375565b6ee3300cfce7297c352de2340b246d81a608f6f62bf121ce500ab6ebd832c5c77086f2"
    "e5bcdedbf33c3edae3d18e76dc7eafd747fb3ce478fdfdbc7cbde68219f822ff3c6fb19f8cce9fef7fc79ff319cbfadc"
    "63dcbf6fadfbbf9cf767c653bba6aebeae6fbde9c5535537c37efcb7a78b1793bff719dd2c348c7ae1baec2d055453cf"
    "67412361b29deab21bc67abf8d24a643ced1620dffb1e2102cfb0837801c6eadd0f1af074e179090ec5b671bb1628f36"
    "b3c8f2b2cdeca363600654a74c6c80027615cd52dfe1156a12b2c70ab3d95441a63e0c8469655ecc506dec96701774b4"
    "c1cff721af3c25af3681b675d89bf9172fd1e86110c6b1eae57537fd6f185863b0742a522007ee47c68166c6628a148a"
    "1654ac9044b255de47024836593682cb767ac6535d0d85533556b81e80576ea84fbd209d17b01ccd24735f704b1e099e"
    "18a087815ad45afba60284942d5d9807f12b9397d009a2a96115ef2310f9a55e82dc10720bb392310adf3ae6e92c5066"
    "2137c9505854151b22ccb0262b532e71918e032121cf26d108435fac2bf55be64e7f04beda9ecabe3991a031f368e0d3"
    "2be1f7bc810633d105c0408e872a08f08d5ef36e4987766c46214e87c085675b22c2eb72d4590bbccf36d78142cf4813"
    "9e14092083413471f9f9bcc13352a557168841e4679d6a71c64c86a6c42a937310bdf9f819cbf3404f4423c41bed6df8"
    "34477f19a79c249f68c8b4a5519cfaa29c6c620c5a1f4cd443f81013a078392b809ed8d5721e0a717733b2c35b9e2030"
    "8865439b29f3dc31d1db4c4c10459129f5a30a6a4ea0384f64f91c2565738ff0e3266bb7436776472a56fa7eb8f80fbb"
    "e0767ab80b0000"
)
RAW_DYNAMIC = bytes.fromhex(
    "75565b6ee3300cfce7297c352de2340b246d81a608f6f62bf121ce500ab6ebd832c5c77086f2e5bcdedbf33c3edae3d1"
    "8e76dc7eafd747fb3ce478fdfdbc7cbde68219f822ff3c6fb19f8cce9fef7fc79ff319cbfadc63dcbf6fadfbbf9cf767"
    "c653bba6aebeae6fbde9c5535537c37efcb7a78b1793bff719dd2c348c7ae1baec2d055453cf67412361b29deab21bc6"
    "7abf8d24a643ced1620dffb1e2102cfb0837801c6eadd0f1af074e179090ec5b671bb1628f36b3c8f2b2cdeca3636006"
    "54a74c6c80027615cd52dfe1156a12b2c70ab3d95441a63e0c8469655ecc506dec96701774b4c1cff721af3c25af3681"
    "b675d89bf9172fd1e86110c6b1eae57537fd6f185863b0742a522007ee47c68166c6628a148a1654ac9044b255de4702"
    "4836593682cb767ac6535d0d85533556b81e80576ea84fbd209d17b01ccd24735f704b1e099e18a087815ad45afba602"
    "84942d5d9807f12b9397d009a2a96115ef2310f9a55e82dc10720bb392310adf3ae6e92c50662137c9505854151b22cc"
    "b0262b532e71918e032121cf26d108435fac2bf55be64e7f04beda9ecabe3991a031f368e0d32be1f7bc810633d105c0"
    "408e872a08f08d5ef36e4987766c46214e87c085675b22c2eb72d4590bbccf36d78142cf48139e14092083413471f9f9"
    "bcc13352a557168841e4679d6a71c64c86a6c42a937310bdf9f819cbf3404f4423c41bed6df834477f19a79c249f68c8"
    "b4a5519cfaa29c6c620c5a1f4cd443f81013a078392b809ed8d5721e0a717733b2c35b9e20308865439b29f3dc31d1db"
    "4c4c10459129f5a30a6a4ea0384f64f91c2565738ff0e3266bb7436776472a56fa7eb8f80f"
)
RAW_STORED = bytes.fromhex(
    "01e4011bfe48656c6c6f2c206465666c617465212048656c6c6f2c206465666c617465212048656c6c6f2c206465666c"
    "617465212054686520717569636b2062726f776e20666f78206a756d7073206f76657220746865206c617a7920646f67"
    "2e0a54686520717569636b2062726f776e20666f78206a756d7073206f76657220746865206c617a7920646f672e0a54"
    "686520717569636b2062726f776e20666f78206a756d7073206f76657220746865206c617a7920646f672e0a54686520"
    "717569636b2062726f776e20666f78206a756d7073206f76657220746865206c617a7920646f672e0a00010203040506"
    "0708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f30313233343536"
    "3738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f60616263646566"
    "6768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f90919293949596"
    "9798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6"
    "c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6"
    "f7f8f9fafbfcfdfeff"
)
ZLIB_FIXED = bytes.fromhex(
    "7801f348cdc9c9d75148494dcb492c495554f020c00fc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c8"
    "2f4b2d5228014ae72456552aa4e4a7eb710d12c50c8c4ccc2cac6cec1c9c5cdc3cbc7cfc028242c222a262e2129252d2"
    "32b272f20a8a4aca2aaa6aea1a9a5ada3aba7afa068646c626a666e6169656d636b676f60e8e4ece2eae6eee1e9e5ede"
    "3ebe7efe018141c121a161e1119151d131b171f1098949c9c0004acfc8cccacec9cdcb2f282c2a2e292d2bafa8acaaae"
    "a9adab6f686c6a6e696d6befe8eceaeee9edeb9f3071d2e42953a74d9f3173d6ec3973e7cd5fb070d1e2254b972d5fb1"
    "72d5ea356bd7addfb071d3e62d5bb76ddfb173d7ee3d7bf7ed3f70f0d0e123478f1d3f71f2d4e93367cf9dbf70f1d2e5"
    "2b57af5dbf71f3d6ed3b77efdd7ff0f0d1e3274f9f3d7ff1f2d5eb376fdfbdfff0f1d3e72f5fbf7dfff1f3d7ef3f7fff"
    "fd0700ac45cfc7"
)
ZLIB_W9 = bytes.fromhex(
    "1895f348cdc9c9d75148494dcb492c495554f020c00fc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c8"
    "2f4b2d5228014ae72456552aa4e4a7eb710d12c50c8c4ccc2cac6cec1c9c5cdc3cbc7cfc028242c222a262e2129252d2"
    "32b272f20a8a4aca2aaa6aea1a9a5ada3aba7afa068646c626a666e6169656d636b676f60e8e4ece2eae6eee1e9e5ede"
    "3ebe7efe018141c121a161e1119151d131b171f1098949c929a969e9199959d939b979f9058545c525a565e5159555d5"
    "35b575f50d8d4dcd2dad6ded1d9d5ddd3dbd7dfd13264e9a3c65eab4e93366ce9a3d67eebcf90b162e5abc64e9b2e52b"
    "56ae5abd66edbaf51b366edabc65ebb6ed3b76eedabd67efbefd070e1e3a7ce4e8b1e3274e9e3a7de6ecb9f3172e5eba"
    "7ce5eab5eb376edeba7de7eebdfb0f1e3e7afce4e9b3e72f5ebe7afde6edbbf71f3e7efafce5ebb7ef3f7efefafde7ef"
    "bfff00ac45cfc7"
)
ZLIB_MULTI = bytes.fromhex(
    "789c7452ed0e83200cfccf53f06a2cc05c82ba642c666fbfd20fda4e1715b15eaf772db9d4967a89f7b4ae29a6b8bc6b"
    "5dd316433c1e5bde8f19200007fdab2f92ef40e5f5fcc45be912c66fa8d19e4b02fe5c5ad77a884b48b5d7bf6cb8b054"
    "a419f8f1d0576633fa6eb33a21b00cb2785ff4d7154428eb397543db449948094089c356444c42af916a0d7e89700b4e"
    "79ae6fa6e5664b46c7058595c2080ad7a3a344eb98ab4d156a4fc7ec39a00704703ec3ec8d3902b4065489ffec6a3c05"
    "87b70e75d8ce814a1f80e08f15b1101031b4757d0f96e8a27f9c67cf154b62b7da688a9b5cd5ffc322831e00014b94ed"
    "010ddc034083b1d69dc96034f87920e3170000fffff248cdc9c9d78199aea840881f02b4b1b03433395b21a928bf3c4f"
    "212dbf4221ab34b7a05821bf2cb508eca09cc42aa067f2d3f5b806896206462666165636760e4e2e6e1e5e3e7e014121"
    "6111513171094929691959397905452565155535750d4d2d6d1d5d3d7d03432363135333730b4b2b6b1b5b3b7b074727"
    "67175737770f4f2f6f1f5f3fff80c0a0e090d0b0f088c8a8e898d8b8f884c4a4646000a567646665e7e4e6e517141615"
    "9794969557545655d7d4d6d537343635b7b4b6b577747675f7f4f6f54f983869f294a9d3a6cf98396bf69cb9f3e62f58"
    "b868f192a5cb96af58b96af59ab5ebd66fd8b869f396addbb6efd8b96bf79ebdfbf61f3878e8f091a3c78e9f3879eaf4"
    "99b3e7ce5fb878e9f295abd7aedfb879ebf69dbbf7ee3f78f8e8f193a7cf9ebf78f9eaf59bb7efde7ff8f8e9f397afdf"
    "befff8f9ebf79fbffffe03000000ffff7555496ec3300cbcf315fa9a8ad875016701a222e8ef1bee43d93958b66872c4"
    "65488da5f5d6f7c7d6dbf27cfcb5cbb2ee7d2cbaf95a460fc97d6dd4befbf56a9abe51635dc7c670c4badbefba5efbcd"
    "75e5a54aaf9fdbe5fe6a8cbc0f5fd5520e24d9c8713d6000d1dfac6558622de0ee154b145930653165f98e1d1cc036fc"
    "28c25b609aae12726a99961e8198b6c5ea4690be8e2eabbb6fa92bf8db232895f03364a3b9f2ff7e50c12db554911533"
    "53aec7603655ee819f02ab8aff2208d34c272b9553f8529033643064eda2c59e51e5a2114423c884655492d77d1caaac"
    "a9e3d52582cbc5011abfb7c057b599d967c0848511ac0338a4dffc061a84a387047ae64cd15ed0801ffa35bf0eee148b"
    "e223c06297147aee03dbbccac99b37080abccf32cf03a5ec9126755264026b320a4dacfd6cde9886eca4f526416150c1"
    "394e350b3d199a2d36333907510e125d615299a798513fe243ef9df08981b05e736b226eadd53449ce5d3f744e16d107"
    "ad0da6524391795b26c5a7bb02e88955cd11644544ee9e8c6c47cb1b0406319dd026da3c2d227b2713139a626ad3528f"
    "b9a16202f97d42f185a7531d91d905798165ec7ae9447568ce95fc67887f6ee5ede7"
)
GZIP_FIELDS = bytes.fromhex(
    "1f8b081e0102030400030400616200016e616d652e747874006120636f6d6d656e740066d3f348cdc9c9d75148494dcb"
    "492c495554f020c00fc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d5228014ae72456552aa4"
    "e4a7eb710d12c50c8c4ccc2cac6cec1c9c5cdc3cbc7cfc028242c222a262e2129252d232b272f20a8a4aca2aaa6aea1a"
    "9a5ada3aba7afa068646c626a666e6169656d636b676f60e8e4ece2eae6eee1e9e5ede3ebe7efe018141c121a161e111"
    "9151d131b171f1098949c9c0004acfc8cccacec9cdcb2f282c2a2e292d2bafa8acaaaea9adab6f686c6a6e696d6befe8"
    "eceaeee9edeb9f3071d2e42953a74d9f3173d6ec3973e7cd5fb070d1e2254b972d5fb172d5ea356bd7addfb071d3e62d"
    "5bb76ddfb173d7ee3d7bf7ed3f70f0d0e123478f1d3f71f2d4e93367cf9dbf70f1d2e52b57af5dbf71f3d6ed3b77efdd"
    "7ff0f0d1e3274f9f3d7ff1f2d5eb376fdfbdfff0f1d3e72f5fbf7dfff1f3d7ef3f7ffffd0700c39b3242e4010000"
)

print(deflate.AUTO, deflate.RAW, deflate.ZLIB, deflate.GZIP)


def inflate(data, *args):
    with deflate.DeflateIO(io.BytesIO(data), *args) as d:
        return d.read()


cases = [
    ("zlib dynamic", ZLIB_DYNAMIC, TEXT),
    ("gzip dynamic", GZIP_DYNAMIC, TEXT),
    ("zlib fixed", ZLIB_FIXED, SMALL),
    ("zlib window 512", ZLIB_W9, SMALL),
    ("zlib several blocks", ZLIB_MULTI, TEXT[:1000] + SMALL + TEXT[1000:]),
    ("gzip header fields", GZIP_FIELDS, SMALL),
]
for name, data, expected in cases:
    print(name, inflate(data) == expected)
    fmt = deflate.GZIP if data[:2] == b"\x1f\x8b" else deflate.ZLIB
    print(name, "explicit", inflate(data, fmt) == expected, inflate(data, fmt, 15) == expected)

print("raw dynamic", inflate(RAW_DYNAMIC, deflate.RAW, 15) == TEXT)
print("raw stored", inflate(RAW_STORED, deflate.RAW, 15) == SMALL)
print("raw stored small window", inflate(RAW_STORED, deflate.RAW) == SMALL)

# read(n) in pieces, including across block boundaries and back-references
d = deflate.DeflateIO(io.BytesIO(ZLIB_MULTI))
pieces = []
for n in (1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584):
    pieces.append(d.read(n))
print([len(p) for p in pieces])
print(b"".join(pieces) == TEXT[:1000] + SMALL + TEXT[1000:])
print(d.read(), d.read(10))
d.close()

# readinto and readline
d = deflate.DeflateIO(io.BytesIO(GZIP_DYNAMIC))
buf = bytearray(100)
print(d.readinto(buf), bytes(buf[:20]))
print(d.readline())
print(d.readline(5))
rest = d.read()
print(len(rest), bytes(buf) == TEXT[:100])
d.close()

# close() leaves the wrapped stream open unless close=True
s = io.BytesIO(ZLIB_FIXED)
d = deflate.DeflateIO(s, deflate.ZLIB)
print(d.read(16))
d.close()
d.close()
print(s.closed)
s = io.BytesIO(ZLIB_FIXED)
with deflate.DeflateIO(s, deflate.ZLIB, 0, True) as d:
    print(d.read(5))
print(s.closed)

# reading a closed DeflateIO
try:
    d.read()
except OSError as e:
    print("OSError", e.errno)

# nothing past the end of the compressed data is consumed
s = io.BytesIO(ZLIB_FIXED + b"trailing bytes")
d = deflate.DeflateIO(s)
print(len(d.read()), s.read())

# a DeflateIO can wrap another
inner = io.BytesIO()
with deflate.DeflateIO(inner, deflate.GZIP) as d:
    d.write(ZLIB_DYNAMIC)
with deflate.DeflateIO(deflate.DeflateIO(io.BytesIO(inner.getvalue()), deflate.GZIP)) as d:
    print("nested", d.read() == TEXT)
