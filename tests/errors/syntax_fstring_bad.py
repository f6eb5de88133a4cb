# malformed f-strings
sources = [
    "f'{'",
    "f'}'",
    "f'{}'",
    "f'{x!z}'",
    "f'{x'",
    "f'{1 +}'",
]
for src in sources:
    try:
        exec(src, {"x": 1})
        print("no error", repr(src))
    except SyntaxError:
        print("SyntaxError")
