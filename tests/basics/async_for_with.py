# async for and async with driven by hand
class Tick:
    def __await__(self):
        yield "tick"
class AIter:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Tick()
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
class ACM:
    async def __aenter__(self):
        print("aenter")
        await Tick()
        return "ctx"
    async def __aexit__(self, *a):
        print("aexit")
async def main():
    out = []
    async for v in AIter(3):
        out.append(v)
    async with ACM() as c:
        out.append(c)
    return out
def run(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as e:
            return e.value, steps
print(run(main()))
