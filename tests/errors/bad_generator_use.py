# misuse of generators
def g():
    yield 1
    yield 2
it = g()
next(it)
def reenter():
    yield next(me)
me = reenter()
try:
    next(me)
except ValueError:
    print("ValueError already executing")
try:
    it.throw(5)
except TypeError:
    print("TypeError throw non-exception")
print(next(it))
try:
    next(it)
except StopIteration:
    print("done")
try:
    g().send(1)
except TypeError:
    print("TypeError send to fresh generator")
