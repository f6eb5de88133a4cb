# asyncio.Event and asyncio.Lock, compared with CPython.
import sys

sys.path.append(".frozen")
import asyncio


async def wait_event(ev, tag):
    print(tag, "waits")
    r = await ev.wait()
    print(tag, "woke", r)


async def use_lock(lock, tag, hold):
    async with lock:
        print(tag, "has the lock")
        await asyncio.sleep(hold)
        print(tag, "releases")


async def main():
    ev = asyncio.Event()
    print("set?", ev.is_set())
    tasks = [asyncio.create_task(wait_event(ev, "w%d" % i)) for i in range(3)]
    await asyncio.sleep(0.01)
    print("setting")
    ev.set()
    await asyncio.gather(*tasks)
    print("set?", ev.is_set())
    print("already set", await ev.wait())
    ev.clear()
    print("cleared", ev.is_set())

    # a cancelled waiter leaves the others alone
    t1 = asyncio.create_task(wait_event(ev, "c1"))
    t2 = asyncio.create_task(wait_event(ev, "c2"))
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    ev.set()
    await t2
    print("c1 cancelled", t1.cancelled())

    lock = asyncio.Lock()
    print("locked?", lock.locked())
    await asyncio.gather(use_lock(lock, "a", 0.02), use_lock(lock, "b", 0), use_lock(lock, "c", 0.01))
    print("locked?", lock.locked())
    print("acquire", await lock.acquire(), lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError:
        print("release of an unlocked lock: RuntimeError")

    # a waiter cancelled while queued does not get the lock
    await lock.acquire()
    waiter = asyncio.create_task(use_lock(lock, "cancelled waiter", 0))
    other = asyncio.create_task(use_lock(lock, "next waiter", 0))
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.sleep(0)
    lock.release()
    await other
    print("waiter cancelled", waiter.cancelled(), lock.locked())


asyncio.run(main())
