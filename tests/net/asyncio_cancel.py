# Task.cancel and CancelledError, compared with CPython.
import sys

sys.path.append(".frozen")
import asyncio


async def sleeper(tag, d=10):
    try:
        await asyncio.sleep(d)
        print(tag, "woke")
    except asyncio.CancelledError:
        print(tag, "got CancelledError")
        raise
    finally:
        print(tag, "cleanup")


async def main():
    t = asyncio.create_task(sleeper("s1"))
    await asyncio.sleep(0)
    print("cancel", t.cancel())
    print("cancel again", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting raised CancelledError")
    print(t.done(), t.cancelled(), t.cancel())

    # cancelled before it ever ran
    t = asyncio.create_task(sleeper("never"))
    t.cancel()
    await asyncio.sleep(0)
    print("never ran", t.cancelled())

    # cancelling a task that awaits another task cancels that one too
    inner = asyncio.create_task(sleeper("inner"))

    async def outer():
        try:
            await inner
        except asyncio.CancelledError:
            print("outer got CancelledError")
            raise

    o = asyncio.create_task(outer())
    await asyncio.sleep(0)
    o.cancel()
    await asyncio.sleep(0.01)
    print("outer", o.cancelled(), "inner", inner.cancelled())

    # a task may catch the cancellation and go on
    async def survivor():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("survivor caught it")
        await asyncio.sleep(0)
        return "survived"

    s = asyncio.create_task(survivor())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled())

    # a task cancelling itself stops at its next await
    async def self_cancel():
        asyncio.current_task().cancel()
        print("still running")
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError:
            print("stopped at the await")
            raise

    sc = asyncio.create_task(self_cancel())
    try:
        await sc
    except asyncio.CancelledError:
        print("self cancelled", sc.cancelled())

    # cancelling a task that waits for a sleeping task whose sleep is short
    t = asyncio.create_task(sleeper("short", 0.01))
    await asyncio.sleep(0.05)
    print("finished normally", t.done(), t.cancelled(), t.cancel())

    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
