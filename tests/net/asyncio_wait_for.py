# asyncio.wait_for, compared with CPython: in time, too late (the awaitable is cancelled and
# has stopped when TimeoutError arrives), no timeout, errors passing through.
import sys

sys.path.append(".frozen")
import asyncio


async def work(d, v="value"):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("work cancelled")
        raise
    return v


async def broken():
    await asyncio.sleep(0)
    raise OSError(5, "broken")


async def stubborn():
    # swallows the cancellation and returns anyway
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn ignores cancel")
    return "stubborn result"


async def main():
    print(await asyncio.wait_for(work(0.01), 1))
    try:
        await asyncio.wait_for(work(1), 0.02)
    except asyncio.TimeoutError:
        print("timed out")
    print(await asyncio.wait_for(work(0.01, "no limit"), None))
    try:
        await asyncio.wait_for(work(1), 0)
    except asyncio.TimeoutError:
        print("zero timeout")
    try:
        await asyncio.wait_for(broken(), 1)
    except OSError as e:
        print("error passes", e.errno)
    print(await asyncio.wait_for(stubborn(), 0.01))

    t = asyncio.create_task(work(1))
    try:
        await asyncio.wait_for(t, 0.01)
    except TimeoutError:
        print("task cancelled by timeout", t.cancelled())

    # cancelling the task that waits cancels the awaitable too
    async def waiter():
        try:
            await asyncio.wait_for(work(10), 5)
        except asyncio.CancelledError:
            print("waiter cancelled")
            raise

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.01)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter done", w.cancelled())


asyncio.run(main())
