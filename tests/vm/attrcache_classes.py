# Attribute and method caches: every change to classes or instances between calls in a
# hot loop must be seen at once, exactly as without a cache.


class Base:
    kind = "base"

    def who(self):
        return "Base.who"

    def greet(self):
        return "hello from " + self.who()


class Sub(Base):
    pass


def run(objs, n=3):
    out = []
    for _ in range(n):
        for o in objs:
            out.append(o.greet())
            out.append(o.who())
            out.append(o.kind)
    return out


s = Sub()
b = Base()
print(run([s, b]))

# a method added to the subclass shadows the base's
Sub.who = lambda self: "Sub.who"
print(run([s, b]))

# replacing the base's method in place (same key, new value)
Base.who = lambda self: "Base.who2"
print(run([s, b]))

# deleting the shadowing method falls back to the base again
del Sub.who
print(run([s, b]))

# class attribute changed, then shadowed in the subclass, then removed
Base.kind = "base2"
print(run([s]))
Sub.kind = "sub"
print(run([s, b]))
del Sub.kind
print(run([s, b]))

# instance attributes shadow methods (non-data descriptors) and can go away again
for i in range(4):
    if i == 1:
        s.who = lambda: "instance who"
    if i == 3:
        del s.who
    print(i, s.who(), s.greet())

# setattr / delattr / __dict__ with dynamic names
for i in range(6):
    name = "a%d" % (i % 3)
    setattr(s, name, i)
    if i == 4:
        delattr(s, "a0")
    print(i, sorted(k for k in vars(s) if k.startswith("a")), getattr(s, "a1", None), getattr(s, "a0", "gone"))
s.__dict__["who"] = lambda: "via __dict__"
print(s.who())
del s.__dict__["who"]
print(s.who())
s.__dict__.clear()
print(s.greet(), sorted(vars(s)))


# instances of one class with attributes in different orders (different dict positions)
class P:
    pass


ps = []
for i in range(5):
    p = P()
    if i % 2:
        p.x = i
        p.y = -i
    else:
        p.y = -i
        p.x = i
    ps.append(p)
for _ in range(3):
    print([(p.x, p.y) for p in ps])
for p in ps:
    p.x, p.y = p.y, p.x
print([(p.x, p.y) for p in ps])
ps[2].__dict__.pop("x")
print([getattr(p, "x", None) for p in ps])


# many attributes (a hashed instance dict) with deletions and re-insertions moving positions
class Many:
    def __init__(self):
        for i in range(20):
            setattr(self, "f%d" % i, i)


m = Many()
tot = 0
for rnd in range(5):
    for i in range(20):
        tot += getattr(m, "f%d" % i)
    delattr(m, "f%d" % rnd)
    setattr(m, "f%d" % rnd, rnd * 100)
    tot += m.f0 + m.f1 + m.f2 + m.f19
print(tot, m.f0, m.f4, m.f19)
