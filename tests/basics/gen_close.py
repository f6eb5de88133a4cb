# generator close() runs finally blocks
def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
it = g()
print(next(it))
it.close()
it.close()
print(list(it))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "oops"
it = stubborn()
next(it)
try:
    it.close()
except RuntimeError:
    print("RuntimeError")
def catches():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
it = catches()
next(it)
it.close()
