# asyncio/event.py: Event, and ThreadSafeFlag that interrupt handlers and scheduled callbacks may set.

from . import core


class Event:
    def __init__(self):
        self._flag = False
        self._waiters = []

    def is_set(self):
        return self._flag

    def set(self):
        if not self._flag:
            self._flag = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._flag = False

    async def wait(self):
        if self._flag:
            return True
        fut = core.Future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class ThreadSafeFlag:
    # set() only stores a flag (no allocation, safe in an interrupt handler); a waiting task
    # finds it through select.poll, which asks this object's ioctl whether it is "readable".
    def __init__(self):
        self.state = 0

    def ioctl(self, req, flags):
        if req == 3:  # stream poll
            return flags if self.state else 0
        return -22  # EINVAL

    def set(self):
        self.state = 1

    def clear(self):
        self.state = 0

    async def wait(self):
        if not self.state:
            await core._wait_io(self, False)
        self.state = 0
