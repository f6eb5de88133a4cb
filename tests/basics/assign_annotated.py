# annotated assignment
a: int = 1
b: str
print(a)
try:
    print(b)
except NameError:
    print("NameError")
class C:
    x: int = 3
    y: "float"
print(C.x)
def f():
    z: int = 4
    return z
print(f())
l = [0]
l[0]: int = 7
print(l)
