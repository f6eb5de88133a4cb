# augmented assignment evaluates the target expression once
calls = []
class O:
    def __init__(self):
        self.n = 0
o = O()
def get():
    calls.append("get")
    return o
get().n += 5
print(o.n, calls)
lst = [[0, 0]]
def first():
    calls.append("first")
    return lst[0]
first()[1] += 7
print(lst, calls)
