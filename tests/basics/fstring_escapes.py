# f-strings with escapes, quotes and braces
x = "v"
print(f"tab\t{x}\n-end")
print(f"{x!r}", f'{"double" + x}', f"{'single'}")
print(f"{{{x}}}", f"{{x}}", f"{x}{{")
print(rf"\d{x}", fr"{x}\n")
print(f"{3}{'ab' * 2}{[1, 2]!r}{(1, 2)}")
d = {"key": 5}
print(f"{d['key']} {d}")
