# asyncio.gather, compared with CPython: results in argument order, return_exceptions, the
# first error, cancelling a gather cancels what it gathers.
import sys

sys.path.append(".frozen")
import asyncio


async def value(v, d=0):
    await asyncio.sleep(d)
    return v


async def error(msg, d=0):
    await asyncio.sleep(d)
    raise ValueError(msg)


async def forever(tag):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(tag, "cancelled")
        raise


async def main():
    print(await asyncio.gather(value(1, 0.02), value(2, 0.01), value(3)))
    print(await asyncio.gather())
    t = asyncio.create_task(value("task"))
    print(await asyncio.gather(t, value("coro")))

    r = await asyncio.gather(value(1), error("e1"), value(3), return_exceptions=True)
    print([type(x).__name__ if isinstance(x, Exception) else x for x in r])

    release = asyncio.Event()

    async def held():
        await release.wait()
        return "slow"

    slow = asyncio.create_task(held())
    try:
        await asyncio.gather(error("first", 0.01), slow)
    except ValueError as e:
        print("gather raised", e)
    # the other child keeps running
    print("slow still running", not slow.done())
    release.set()
    print(await slow)

    # a cancelled child, with and without return_exceptions
    c = asyncio.create_task(forever("child"))
    await asyncio.sleep(0)
    c.cancel()
    r = await asyncio.gather(c, value(5), return_exceptions=True)
    print([type(x).__name__ if isinstance(x, BaseException) else x for x in r])

    c = asyncio.create_task(forever("child2"))
    await asyncio.sleep(0)
    c.cancel()
    try:
        await asyncio.gather(c, value(6))
    except asyncio.CancelledError:
        print("gather of a cancelled child raised CancelledError")

    # cancelling the gathering future cancels its children
    g = asyncio.gather(forever("g1"), forever("g2"))
    await asyncio.sleep(0)
    print("cancel gather", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.done())

    # nested gathers
    print(await asyncio.gather(asyncio.gather(value("a"), value("b")), value("c")))


asyncio.run(main())
