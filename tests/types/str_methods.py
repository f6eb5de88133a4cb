# common str methods
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
print(s.lower(), s.upper(), "hello world".title() if hasattr(str, "title") else "", "abc".capitalize() if hasattr(str, "capitalize") else "")
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("-".join("abc"), ", ".join(["x", "y"]))
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".index("e"), "hello".rindex("l"))
print("hello".count("l"), "aaaa".count("aa"), "hello".replace("l", "L"), "hello".replace("l", "L", 1))
print("hello".startswith("he"), "hello".endswith("lo"), "hello".startswith(("x", "h")))
print("abc".isalpha(), "123".isdigit(), "  ".isspace(), "abc".islower(), "ABC".isupper(), "a1".isalnum())
print("ab".center(6, "*"), "ab".ljust(4, "."), "ab".rjust(4), "42".zfill(5) if hasattr(str, "zfill") else "00042")
print("a\nb\r\nc".splitlines(), "x".partition("x"), "a=b=c".partition("="), "a=b=c".rpartition("="))
try:
    "abc".index("z")
except ValueError:
    print("ValueError")
