# closures several levels deep
def a(x):
    def b(y):
        def c(z):
            return x + y + z
        return c
    return b
print(a(1)(2)(3))
def outer():
    v = "outer"
    class K:
        def m(self):
            return v
    return K().m()
print(outer())
def param_cell(p):
    def get():
        return p
    p = p * 2
    return get
print(param_cell(4)())
def gen_closure(n):
    def gen():
        for i in range(n):
            yield i
    return gen
print(list(gen_closure(3)()))
