# f-strings with expressions, conversions and format specs
name = "world"
n = 42
print(f"hello {name}")
print(f"{n + 1} {n * 2} {n // 5}")
print(f"{name!r} {name!s} {name:>8} {name:<8}|")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:x}|{n:X}|{n:o}|{n:b}")
print(f"{1.5:.2f} {0.25:8.3f} {2.5:e}")
print(f"{{literal braces}} {n}")
print(f"{'nested quotes'}")
print(f"{[1, 2][1]} {dict(a=1)['a']}")
print(f"{n:{'>'}{10}}")
w = 6
print(f"{n:>{w}}|")
print(f"{name.upper()}{len(name)}")
