# asyncio/funcs.py: gather, wait_for and wait_for_ms, built on futures and their callbacks.

from . import core


class _GatheringFuture(core.Future):
    # Cancelling the gathering cancels what it gathers; it then ends in CancelledError.
    def __init__(self, children):
        core.Future.__init__(self)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        cancelled = False
        for child in self._children:
            if child.cancel(msg):
                cancelled = True
        if cancelled:
            self._cancel_requested = True
        return cancelled


def gather(*aws, return_exceptions=False):
    if not aws:
        outer = core.Future()
        outer.set_result([])
        return outer
    children = []
    seen = {}
    for aw in aws:
        # The same awaitable given twice is awaited once, as CPython does.
        fut = seen.get(id(aw))
        if fut is None:
            fut = core.ensure_future(aw)
            seen[id(aw)] = fut
        children.append(fut)
    outer = _GatheringFuture(children)
    finished = [0]

    def child_done(fut):
        finished[0] += 1
        if outer.done():
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(core.CancelledError())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if finished[0] < len(seen):
            return
        results = []
        for child in children:
            if child.cancelled():
                results.append(core.CancelledError())
            else:
                exc = child.exception()
                results.append(child.result() if exc is None else exc)
        if outer._cancel_requested:
            outer.set_exception(core.CancelledError())
        else:
            outer.set_result(results)

    for fut in seen.values():
        fut.add_done_callback(child_done)
    return outer


async def _cancel_and_wait(fut):
    waiter = core.Future()

    def release(_):
        if not waiter.done():
            waiter.set_result(None)

    fut.add_done_callback(release)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(release)


async def wait_for_ms(aw, timeout):
    fut = core.ensure_future(aw)
    if timeout is None:
        return await fut
    if timeout <= 0:
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except core.CancelledError as exc:
            raise core.TimeoutError() from exc

    waiter = core.Future()

    def release(_=None):
        if not waiter.done():
            waiter.set_result(None)

    timer = core._Handle(release, ())
    entry = core._add_timer(timeout, timer)
    fut.add_done_callback(release)
    try:
        try:
            await waiter
        except core.CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(release)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(release)
        # The awaitable must have stopped when wait_for returns.
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except core.CancelledError as exc:
            raise core.TimeoutError() from exc
    finally:
        if entry[2] is not None:
            core._drop_timer(entry)


def wait_for(aw, timeout):
    if timeout is None or timeout <= 0:
        return wait_for_ms(aw, timeout)
    ms = timeout * 1000
    whole = int(ms)
    return wait_for_ms(aw, whole + 1 if whole < ms else whole)
