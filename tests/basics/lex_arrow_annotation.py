# -> return annotations and argument annotations parse
def f(a: int, b: "str" = "x") -> int:
    return a


def g() -> None:
    pass


print(f(3), g())
x: int = 5
y: list
print(x)
