# assignment anywhere in a function makes a name local everywhere in it
x = "global"
def f():
    try:
        print(x)
    except NameError as e:
        print(type(e).__name__)
    x = "local"
    return x
print(f())
def g(flag):
    if flag:
        y = 1
    return y
print(g(True))
try:
    g(False)
except NameError as e:
    print(type(e).__name__)
