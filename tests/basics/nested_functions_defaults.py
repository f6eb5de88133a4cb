# nested functions with defaults referencing outer variables
def make(n):
    def f(x=n * 2, *, y=n + 1):
        return x, y
    return f
f = make(5)
print(f(), f(1), f(y=0))
def outer():
    a = 1
    def mid(b=a + 1):
        def inner(c=b + 1):
            return a, b, c
        return inner
    return mid
print(outer()()())
