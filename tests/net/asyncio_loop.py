# The event loop object, compared with CPython: run_until_complete, create_task, run_forever
# with stop, the exception handler, new_event_loop.
import sys

sys.path.append(".frozen")
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)


async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b


print(loop.run_until_complete(add(2, 3)))
t = loop.create_task(add(10, 20))
print(loop.run_until_complete(t), t.done())


async def stopper():
    print("running", loop.is_running())
    await asyncio.sleep(0.01)
    print("stopping")
    loop.stop()


loop.create_task(stopper())
loop.run_forever()
print("run_forever returned", loop.is_running())

# exceptions nobody retrieves go to the exception handler


def handler(lp, context):
    print("handler:", lp is loop, type(context["exception"]).__name__, context["exception"])


print(loop.get_exception_handler())
loop.set_exception_handler(handler)
print(loop.get_exception_handler() is handler)


async def bad():
    raise ValueError("lost")


async def main():
    loop.create_task(bad())
    await asyncio.sleep(0.01)
    loop.call_exception_handler({"message": "by hand", "exception": KeyError("k")})


loop.run_until_complete(main())
loop.set_exception_handler(None)

# call_soon and call_later run callbacks
got = []


async def callbacks():
    loop.call_later(0.02, got.append, "later")
    loop.call_soon(got.append, "soon")
    h = loop.call_later(0.01, got.append, "cancelled")
    h.cancel()
    await asyncio.sleep(0.04)
    print(got)


loop.run_until_complete(callbacks())

# futures made by hand
async def futures():
    f = loop.create_future()
    loop.call_soon(f.set_result, "future result")
    print(await f)
    f = loop.create_future()
    f.add_done_callback(lambda fut: print("callback sees", fut.result()))
    f.set_result(7)
    await asyncio.sleep(0)
    try:
        f.set_result(8)
    except asyncio.InvalidStateError:
        print("set twice: InvalidStateError")
    f = loop.create_future()
    try:
        f.result()
    except asyncio.InvalidStateError:
        print("not ready: InvalidStateError")
    f.set_exception(OSError(5, "io"))
    try:
        await f
    except OSError as e:
        print("future exception", e.errno)


loop.run_until_complete(futures())
loop.close()
