# MicroPython's additions to asyncio: sleep_ms, wait_for_ms, ThreadSafeFlag (set from a
# scheduled callback as an interrupt handler would), one Stream class for both directions,
# create_task before the loop runs.
import sys

sys.path.append(".frozen")
import asyncio
import micropython
import time


async def main():
    t0 = time.ticks_ms()
    await asyncio.sleep_ms(20)
    print("sleep_ms waited", time.ticks_diff(time.ticks_ms(), t0) >= 20)
    print(await asyncio.sleep_ms(0, "r"))

    async def slow():
        await asyncio.sleep_ms(1000)

    try:
        await asyncio.wait_for_ms(slow(), 10)
    except asyncio.TimeoutError:
        print("wait_for_ms timed out")

    flag = asyncio.ThreadSafeFlag()

    async def waiter():
        print("waiting for the flag")
        await flag.wait()
        print("flag seen")

    t = asyncio.create_task(waiter())
    await asyncio.sleep_ms(10)
    # as an interrupt handler would: no allocation, just schedule the setter
    micropython.schedule(lambda _: flag.set(), None)
    await t
    flag.set()
    await flag.wait()
    print("flag already set, wait returns at once")
    flag.clear()
    try:
        await asyncio.wait_for_ms(flag.wait(), 10)
    except asyncio.TimeoutError:
        print("cleared flag times out")

    print(asyncio.StreamReader is asyncio.StreamWriter)
    print(asyncio.get_event_loop() is asyncio.get_event_loop())


async def early():
    print("task made before the loop ran")


asyncio.create_task(early())
asyncio.run(main())
