# uncaught exception from inside a generator and nested calls
def g():
    yield 1
    raise KeyError("k")
def run():
    for v in g():
        print("got", v)
print("start")
run()
