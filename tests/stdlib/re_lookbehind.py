# fixed-width look-behind
import re
for p, s in ((r"(?<=a)b", "ab cb"), (r"(?<!a)b", "ab cb"), (r"(?<=ab)c", "abc xbc"), (r"(?<=é)x", "éx ax"), (r"(?<=^)a", "aa"),
             (r"(?<=[0-9]{2})x", "12x 1x"), (r"(?<=(a))b", "ab"), (r"(?<!^)a", "aaa"), (r"\b(?<=x)y", "xy")):
    print(p, re.findall(p, s), [m.span() for m in re.finditer(p, s)])
for p in (r"(?<=a*)b", r"(?<=a|bc)d", r"(?<=\1)"):
    try:
        re.compile(p)
        print("compiled", p)
    except re.error:
        print("error", p)
