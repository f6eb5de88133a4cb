# class bodies have their own scope, not visible from methods
x = "global"
class C:
    x = "class"
    y = x + "!"
    def m(self):
        return x
    lst = [x for _ in range(1)]
print(C.y, C().m(), C.lst)
class Outer:
    class Inner:
        v = 1
    w = Inner.v + 1
print(Outer.Inner.v, Outer.w, Outer.Inner.__name__)
