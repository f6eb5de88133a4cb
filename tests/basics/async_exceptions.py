# exceptions through coroutines, throw() and close()
class Suspend:
    def __await__(self):
        yield
async def work():
    try:
        await Suspend()
    except ValueError as e:
        print("coroutine caught", e.args)
        return "handled"
c = work()
c.send(None)
try:
    c.throw(ValueError("boom"))
except StopIteration as e:
    print(e.value)
async def failing():
    raise KeyError("k")
try:
    failing().send(None)
except KeyError as e:
    print("KeyError", e.args)
async def cleanup():
    try:
        await Suspend()
    finally:
        print("closed")
c = cleanup()
c.send(None)
c.close()
