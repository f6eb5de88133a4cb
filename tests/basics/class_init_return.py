# __init__ must return None
class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError:
    print("TypeError")
class Good:
    def __init__(self, *args, **kw):
        self.args = args
        self.kw = kw
g = Good(1, 2, k=3)
print(g.args, g.kw)
