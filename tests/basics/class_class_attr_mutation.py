# modifying classes after creation affects existing instances
class C:
    pass
c = C()
C.method = lambda self: "added method"
print(c.method())
C.attr = 1
print(c.attr)
c.attr = 2
print(c.attr, C.attr)
del c.attr
print(c.attr)
def late(self, x):
    return x * 3
C.late = late
print(c.late(4))
