# printf-style formatting
print("%s %r %d" % ("s", "r", 5))
print("%s" % (1,), "%s" % [1, 2], "%%", "%5s|%-5s|" % ("a", "b"))
print("%(name)s is %(age)d" % {"name": "Al", "age": 3})
print("%c%c" % (65, "b"), "%x %o %e" % (255, 8, 1.5))
try:
    "%d %d" % (1,)
except TypeError:
    print("TypeError")
try:
    "%d" % "x"
except TypeError:
    print("TypeError type")
