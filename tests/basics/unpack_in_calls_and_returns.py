# unpacking used with returned tuples and nested calls
def divmod2(a, b):
    return a // b, a % b
q, r = divmod2(17, 5)
print(q, r)
def pair():
    return [1, 2], (3, 4)
(a, b), (c, d) = pair()
print(a, b, c, d)
def apply(f, *args, **kw):
    return f(*args, **kw)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True), apply(dict, a=1))
first, *_, last = [10, 20, 30, 40]
print(first, last)
