# int() from strings and other types
print(int("42"), int("-17"), int("  8  "), int("+3"), int("1_000"))
print(int("ff", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0), int("z", 36))
print(int("777", 8), int("101", 2), int("-10", 7))
print(int(3.9), int(-3.9), int(True), int(), int(1e20))
for bad in ("", "abc", "1.5", "0x", "1__0", "12a"):
    try:
        int(bad)
    except ValueError:
        print("ValueError", repr(bad))
try:
    int("9", 8)
except ValueError:
    print("ValueError base")
try:
    int(None)
except TypeError:
    print("TypeError None")
print(int("123456789012345678901234567890"))
