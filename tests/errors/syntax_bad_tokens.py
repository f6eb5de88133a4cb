# source that does not tokenize raises SyntaxError, never crashes
sources = [
    "x = 1 $ 2",
    "a = 'unterminated",
    'b = "also unterminated',
    "c = '''never closed",
    "d = 0x",
    "e = 0b2",
    "f = 0o8",
    "g = 1__0",
    "h = 1_",
    "i = 09",
    "j = `x`",
    "k = 1 ? 2",
    "l = 'a' 'b",
    "m = b'\u00e9'",
    "n = 5 \\ 6",
]
for src in sources:
    try:
        exec(src)
        print("no error", repr(src))
    except SyntaxError:
        print("SyntaxError")
