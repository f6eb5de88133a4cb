# nested f-strings and format specs built from expressions
x = 3.25
p = 2
print(f"{x:.{p}f}")
print(f"{f'{x}'}")
print(f"{'a' if x > 1 else 'b'}")
print(f"{(lambda v: v * 2)(4)}")
items = ["a", "b"]
print(f"{', '.join(f'<{i}>' for i in items)}")
print(f"{x!r:>10}|")
print(f"{'x':*^9}")
print(f"""{
    1 + 2
}""")
