# async def / await driven by hand with send()
class Yielder:
    def __await__(self):
        v = yield "suspended"
        return v
async def inner(x):
    got = await Yielder()
    return x + got
async def outer():
    a = await inner(1)
    b = await inner(10)
    return a, b
coro = outer()
print(type(coro).__name__)
print(coro.send(None))
print(coro.send(100))
try:
    coro.send(200)
except StopIteration as e:
    print("result", e.value)
