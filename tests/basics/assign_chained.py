# chained assignment evaluates right side once, assigns left to right
def val():
    print("eval")
    return [0]
x = y = z = val()
print(x is y is z)
class Rec:
    def __setattr__(self, name, value):
        print("set", name)
        object.__setattr__(self, name, value)
r = Rec()
r.a = r.b = 5
print(r.a, r.b)
lst = [0, 0]
i = lst[i] = 1 if False else 1
print(i, lst)
