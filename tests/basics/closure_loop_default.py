# capturing loop variables with default args vs cells
fs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fs])
gs = []
for j in range(3):
    def g(j=j):
        return j
    gs.append(g)
print([g() for g in gs])
def mk():
    out = []
    for k in range(3):
        def h():
            return k
        out.append(h)
    return out
print([h() for h in mk()])
