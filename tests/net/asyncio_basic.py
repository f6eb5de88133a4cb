# asyncio basics, compared with CPython: run, create_task, sleep, task results and errors,
# current_task, the order in which ready tasks run.
import sys

sys.path.append(".frozen")  # espy's frozen modules, when MICROPYPATH replaces the default path
import asyncio


async def count(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name + " done"


async def fails():
    await asyncio.sleep(0)
    raise ValueError("bad value")


async def main():
    print("main starts")
    t1 = asyncio.create_task(count("one", 3))
    t2 = asyncio.create_task(count("two", 2))
    print("tasks made", t1.done(), t2.done())
    print(await t1)
    print(await t2)
    print("done", t1.done(), t1.result(), t1.cancelled())
    # awaiting a finished task again gives its result again
    print(await t1)

    t3 = asyncio.create_task(fails())
    try:
        await t3
    except ValueError as e:
        print("caught", e)
    print(t3.done(), type(t3.exception()).__name__)
    try:
        t3.result()
    except ValueError as e:
        print("result raises", e)

    print("current is a Task", isinstance(asyncio.current_task(), asyncio.Task))

    # sleeps of different lengths end in order of their deadlines
    order = []

    async def sleeper(d, tag):
        await asyncio.sleep(d)
        order.append(tag)

    await asyncio.gather(sleeper(0.03, "c"), sleeper(0.01, "a"), sleeper(0.02, "b"))
    print(order)
    # sleep passes its result through
    print(await asyncio.sleep(0.001, "result"))
    return 42


print(asyncio.run(main()))


async def raises():
    raise KeyError("k")


try:
    asyncio.run(raises())
except KeyError as e:
    print("run raised", repr(e))


async def leaves_work():
    async def background():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("background cancelled at the end of run")
            raise

    asyncio.create_task(background())
    await asyncio.sleep(0)
    return "main finished"


print(asyncio.run(leaves_work()))


async def nested():
    try:
        asyncio.run(raises())
    except RuntimeError:
        print("nested run refused")


asyncio.run(nested())
try:
    asyncio.run(123)
except ValueError:
    print("run needs a coroutine")
