# evaluation order in assignments: right side first, then targets left to right
log = []
class Box:
    def __setitem__(self, k, v):
        log.append(("set", k, v))
    def __getitem__(self, k):
        log.append(("get", k))
        return 0
def idx(n):
    log.append(("idx", n))
    return n
def val(v):
    log.append(("val", v))
    return v
b = Box()
b[idx(1)], b[idx(2)] = val("a"), val("b")
b[idx(3)] += val(5)
print(log)
