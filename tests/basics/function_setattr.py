# arbitrary attributes on function objects (MicroPython leaves these out)
def with_attr(**attrs):
    def deco(f):
        for k, v in attrs.items():
            setattr(f, k, v)
        return f
    return deco
@with_attr(tag="t", level=2)
def g():
    pass
print(g.tag, g.level)
def h():
    pass
h.counter = 0
h.counter += 1
print(h.counter, hasattr(h, "missing"))
