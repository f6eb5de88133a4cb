class Awaitable:
    def __await__(self):
        x = yield "suspend"
        return x * 2
async def inner(v):
    r = await Awaitable()
    return r + v
async def outer():
    total = 0
    async with ACM() as a:
        total += a
    async for i in AIter(3):
        total += i
    return await inner(total)
class ACM:
    async def __aenter__(self):
        print("aenter")
        return 10
    async def __aexit__(self, *args):
        print("aexit", args[0])
class AIter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
coro = outer()
print(type(coro).__name__)
print(coro.send(None))
try:
    coro.send(5)
except StopIteration as e:
    print("result", e.value)
