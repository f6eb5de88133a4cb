# explicit line joining with backslash
x = 1 + \
    2 + \
    3
print(x)
if x == 6 and \
        True:
    print("joined")
s = "a" \
    "b"
print(s)
def f(a,
      b):
    return a \
        + b
print(f(1, 2))
