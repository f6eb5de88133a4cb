class Sleep:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield self.tag
        return got
async def worker(name, n):
    total = 0
    for i in range(n):
        total += await Sleep((name, i))
    return name, total
def run(coros):
    results = {}
    pending = list(coros)
    values = {id(c): None for c in pending}
    step = 0
    while pending:
        c = pending.pop(0)
        try:
            tag = c.send(values[id(c)])
            values[id(c)] = step
            step += 1
            pending.append(c)
        except StopIteration as e:
            results[e.value[0]] = e.value[1]
    return results
print(run([worker("a", 3), worker("b", 2)]))
class Lock:
    async def __aenter__(self):
        print("acquire")
        await Sleep("lock")
        return self
    async def __aexit__(self, t, v, tb):
        print("release", t.__name__ if t else None)
        return True
async def guarded():
    async with Lock():
        raise ValueError("swallowed")
    return "after"
c = guarded()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
async def thrower():
    try:
        await Sleep("t")
    except KeyError as e:
        return "handled " + str(e)
c = thrower()
c.send(None)
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)
async def nothing():
    return 1
c = nothing()
try:
    c.send(None)
except StopIteration as e:
    print("nothing", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
async def bad_await():
    await 5
try:
    bad_await().send(None)
except TypeError as e:
    print("TypeError", e)
