# generators used as coroutines in a push pipeline
def printer(prefix):
    while True:
        item = yield
        print(prefix, item)
def doubler(target):
    while True:
        item = yield
        target.send(item * 2)
p = printer(">")
next(p)
d = doubler(p)
next(d)
for i in range(3):
    d.send(i)
d.close()
p.close()
print("pipeline closed")
