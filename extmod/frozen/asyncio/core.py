# asyncio/core.py: the event loop: futures, tasks, timers, and I/O readiness through select.poll.
#
# One loop per program, kept in module globals. The ready queue holds tasks to step and
# handles (callbacks) to run; timers wait in a heap keyed by a millisecond clock that never
# wraps; streams wait in a select.poll object used in one-shot mode. Wake-ups take the same
# number of loop passes as CPython's asyncio, so programs interleave the same way.

from collections import deque
from heapq import heapify, heappop, heappush
from time import ticks_diff, ticks_ms
import select
import sys


class CancelledError(BaseException):
    pass


class InvalidStateError(Exception):
    pass


# asyncio.TimeoutError is the built-in one, as in CPython 3.11.
TimeoutError = TimeoutError

_PENDING = 0
_RESULT = 1
_ERROR = 2
_CANCELLED = 3

# Yielded by a task that has already put itself where it will be woken from (a timer, a stream).
_PARKED = object()

_ready = deque()
_timers = []  # heap of [when_ms, sequence, task or _Handle]; a cancelled entry holds None
_dead_timers = 0
_timer_seq = 0
_poller = select.poll()
_streams = {}  # stream -> _IOWait
_tasks = {}  # live tasks, in creation order (a dict used as an ordered set)
_current = None
_running = False
_stopping = False


# ---- clock: milliseconds since start-up, built on the wrapping ticks_ms ------------------------

_clock_ms = 0
_clock_ticks = ticks_ms()


def _now():
    global _clock_ms, _clock_ticks
    t = ticks_ms()
    _clock_ms += ticks_diff(t, _clock_ticks)
    _clock_ticks = t
    return _clock_ms


def _add_timer(delay_ms, item):
    global _timer_seq
    _timer_seq += 1
    entry = [_now() + delay_ms, _timer_seq, item]
    heappush(_timers, entry)
    return entry


def _drop_timer(entry):
    # Cancelled entries stay in the heap until their time; compact when they pile up.
    global _dead_timers, _timers
    entry[2] = None
    _dead_timers += 1
    if _dead_timers > 32 and _dead_timers * 2 > len(_timers):
        _timers = [e for e in _timers if e[2] is not None]
        heapify(_timers)
        _dead_timers = 0


# ---- callbacks ------------------------------------------------------------------------------


class _Handle:
    # A callback waiting in the ready queue or on a timer; cancel() stops it from running.
    def __init__(self, fn, args):
        self._fn = fn
        self._args = args

    def cancel(self):
        self._fn = None

    def cancelled(self):
        return self._fn is None

    def _step(self):
        fn = self._fn
        if fn is None:
            return
        self._fn = None
        try:
            fn(*self._args)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as e:
            _loop.call_exception_handler({"message": "Exception in callback", "exception": e})


def _call_soon(fn, *args):
    h = _Handle(fn, args)
    _ready.append(h)
    return h


# ---- futures ------------------------------------------------------------------------------------


class Future:
    def __init__(self):
        self._state = _PENDING
        self._value = None
        # Tasks to wake and functions to call when done; None until someone is interested.
        self._callbacks = None

    def done(self):
        return self._state != _PENDING

    def cancelled(self):
        return self._state == _CANCELLED

    def result(self):
        state = self._state
        if state == _RESULT:
            return self._value
        if state == _ERROR:
            raise self._value
        if state == _CANCELLED:
            raise CancelledError(*self._value) if self._value else CancelledError()
        raise InvalidStateError("Result is not ready.")

    def exception(self):
        state = self._state
        if state == _PENDING:
            raise InvalidStateError("Exception is not set.")
        if state == _CANCELLED:
            raise CancelledError()
        return self._value if state == _ERROR else None

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        self._finish(_RESULT, result)

    def set_exception(self, exc):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        if isinstance(exc, type):
            exc = exc()
        self._finish(_ERROR, exc)

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._finish(_CANCELLED, () if msg is None else (msg,))
        return True

    def add_done_callback(self, fn):
        if self._state != _PENDING:
            _call_soon(fn, self)
        elif self._callbacks is None:
            self._callbacks = [fn]
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        cbs = self._callbacks
        if not cbs:
            return 0
        kept = [cb for cb in cbs if cb != fn]
        self._callbacks = kept
        return len(cbs) - len(kept)

    def _finish(self, state, value):
        self._state = state
        self._value = value
        cbs = self._callbacks
        if cbs:
            self._callbacks = []
            for cb in cbs:
                if isinstance(cb, Task):
                    cb._waiting = None
                    _ready.append(cb)
                else:
                    _ready.append(_Handle(cb, (self,)))

    def __iter__(self):
        if self._state == _PENDING:
            yield self
        return self.result()

    __await__ = __iter__


# ---- tasks --------------------------------------------------------------------------------------


class Task(Future):
    def __init__(self, coro):
        Future.__init__(self)
        if not (hasattr(coro, "send") and hasattr(coro, "throw")):
            raise TypeError("a coroutine was expected, got %r" % (coro,))
        self._coro = coro
        # What it waits for: a Future, a timer entry (list) or an _IOWait; None when it is
        # ready or running.
        self._waiting = None
        self._throw = None  # exception to throw in at the next step (cancellation)
        _tasks[self] = None
        _ready.append(self)

    def get_coro(self):
        return self._coro

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        w = self._waiting
        if isinstance(w, Future):
            # The awaited future (or task) is cancelled in turn; this one then wakes up to
            # a CancelledError from it.
            if w.cancel(msg):
                return True
        elif w is not None:
            if isinstance(w, list):
                _drop_timer(w)
            else:
                w.forget(self)
            self._waiting = None
            _ready.append(self)
        self._throw = CancelledError() if msg is None else CancelledError(msg)
        return True

    def _finish(self, state, value):
        _tasks.pop(self, None)
        observed = self._callbacks is not None
        Future._finish(self, state, value)
        if state == _ERROR and not observed and not isinstance(value, (KeyboardInterrupt, SystemExit)):
            _loop.call_exception_handler(
                {"message": "Task exception wasn't retrieved", "future": self, "exception": value}
            )

    def _step(self):
        global _current
        if self._state != _PENDING:
            return
        exc = self._throw
        self._throw = None
        _current = self
        try:
            if exc is None:
                r = self._coro.send(None)
            else:
                r = self._coro.throw(exc)
        except StopIteration as e:
            _current = None
            self._finish(_RESULT, e.value)
        except CancelledError as e:
            _current = None
            self._finish(_CANCELLED, e.args)
        except (KeyboardInterrupt, SystemExit) as e:
            _current = None
            self._finish(_ERROR, e)
            raise
        except BaseException as e:
            _current = None
            self._finish(_ERROR, e)
        else:
            _current = None
            if r is None:
                _ready.append(self)  # a bare yield: sleep(0)
            elif r is _PARKED:
                pass
            elif isinstance(r, Future):
                if r is self:
                    self._throw = RuntimeError("Task cannot await on itself")
                    _ready.append(self)
                else:
                    self._waiting = r
                    if r._state != _PENDING:
                        _ready.append(self)
                        self._waiting = None
                    elif r._callbacks is None:
                        r._callbacks = [self]
                    else:
                        r._callbacks.append(self)
            else:
                self._throw = RuntimeError("Task got bad yield: %r" % (r,))
                _ready.append(self)


def create_task(coro):
    return Task(coro)


def ensure_future(aw):
    if isinstance(aw, Future):
        return aw
    if hasattr(aw, "send"):
        return Task(aw)
    if hasattr(aw, "__await__"):
        return Task(_await_it(aw))
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


async def _await_it(aw):
    return await aw


def current_task():
    if not _running:
        raise RuntimeError("no running event loop")
    return _current


# ---- sleeping -------------------------------------------------------------------------------------


def sleep_ms(t, result=None):
    if t <= 0:
        yield
    else:
        task = _current
        task._waiting = _add_timer(t, task)
        yield _PARKED
    return result


def sleep(t, result=None):
    ms = t * 1000
    whole = int(ms)
    # A positive delay never rounds down to a bare yield.
    return sleep_ms(whole + 1 if whole < ms else whole, result)


# ---- waiting for streams ----------------------------------------------------------------------------


class _IOWait:
    # The tasks waiting to read from and to write to one stream registered with the poller.
    def __init__(self, stream):
        self.stream = stream
        self.reader = None
        self.writer = None

    def rearm(self):
        mask = (select.POLLIN if self.reader else 0) | (select.POLLOUT if self.writer else 0)
        if mask:
            _poller.modify(self.stream, mask)
        else:
            _poller.unregister(self.stream)
            del _streams[self.stream]

    def forget(self, task):
        if self.reader is task:
            self.reader = None
        if self.writer is task:
            self.writer = None
        self.rearm()


def _wait_io(stream, for_write):
    # Parks the current task until stream is readable (or writable); errors wake it as well.
    w = _streams.get(stream)
    if w is None:
        w = _IOWait(stream)
        _poller.register(stream, 0)
        _streams[stream] = w
    task = _current
    if (w.writer if for_write else w.reader) is not None:
        raise RuntimeError("another task is already waiting on this stream")
    if for_write:
        w.writer = task
    else:
        w.reader = task
    w.rearm()
    task._waiting = w
    yield _PARKED


def _wake(task):
    if task is not None:
        task._waiting = None
        _ready.append(task)


def _poll_streams(timeout_ms):
    for stream, event in _poller.ipoll(timeout_ms, 1):
        w = _streams.get(stream)
        if w is None:
            continue
        if event & ~select.POLLOUT:
            _wake(w.reader)
            w.reader = None
        if event & ~select.POLLIN:
            _wake(w.writer)
            w.writer = None
        w.rearm()


# ---- the loop -----------------------------------------------------------------------------------


def _run_once():
    global _dead_timers
    if _ready or _stopping:
        timeout = 0
    elif _timers:
        timeout = _timers[0][0] - _now()
        if timeout < 0:
            timeout = 0
    else:
        timeout = -1
    if _streams or timeout:
        _poll_streams(timeout)
    now = _now()
    while _timers and _timers[0][0] <= now:
        item = heappop(_timers)[2]
        if item is None:
            _dead_timers -= 1
        else:
            if isinstance(item, Task):
                item._waiting = None
            _ready.append(item)
    # Only what is ready now runs in this pass; what it schedules waits for the next one.
    for _ in range(len(_ready)):
        _ready.popleft()._step()


def run_until_complete(main_task=None):
    global _running, _stopping
    if _running:
        raise RuntimeError("This event loop is already running")
    if main_task is not None:
        main_task = ensure_future(main_task)
        if main_task._callbacks is None:
            main_task._callbacks = []  # its outcome is retrieved here
    _running = True
    try:
        while True:
            if main_task is None:
                if _stopping:
                    break
            elif main_task._state != _PENDING:
                break
            _run_once()
    finally:
        _running = False
        _stopping = False
    if main_task is not None:
        return main_task.result()


def run(coro):
    if _running:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not hasattr(coro, "send"):
        raise ValueError("a coroutine was expected, got %r" % (coro,))
    try:
        return run_until_complete(Task(coro))
    finally:
        _cancel_remaining()
        new_event_loop()


def _cancel_remaining():
    # As CPython's asyncio.run: what the main task left running is cancelled and finished.
    left = list(_tasks)
    for t in left:
        t.cancel()
    for t in left:
        if t._callbacks is None:
            t._callbacks = []
    global _running
    _running = True
    try:
        while any(not t.done() for t in left):
            _run_once()
    finally:
        _running = False


class Loop:
    def __init__(self):
        self._exc_handler = None

    def create_task(self, coro):
        return Task(coro)

    def run_forever(self):
        run_until_complete()

    def run_until_complete(self, aw):
        return run_until_complete(aw)

    def stop(self):
        global _stopping
        _stopping = True

    def close(self):
        pass

    def is_running(self):
        return _running

    def call_soon(self, callback, *args):
        return _call_soon(callback, *args)

    def call_later(self, delay, callback, *args):
        h = _Handle(callback, args)
        _add_timer(int(delay * 1000), h)
        return h

    def time(self):
        return _now() / 1000

    def create_future(self):
        return Future()

    def set_exception_handler(self, handler):
        self._exc_handler = handler

    def get_exception_handler(self):
        return self._exc_handler

    def default_exception_handler(self, context):
        print(context["message"], file=sys.stderr)
        if "future" in context:
            fut = context["future"]
            print("future:", fut, "coro=", getattr(fut, "_coro", None), file=sys.stderr)
        exc = context.get("exception")
        if exc is not None:
            if hasattr(sys, "print_exception"):
                sys.print_exception(exc, sys.stderr)
            else:
                print(repr(exc), file=sys.stderr)

    def call_exception_handler(self, context):
        handler = self._exc_handler
        if handler is None:
            self.default_exception_handler(context)
        else:
            handler(self, context)


_loop = Loop()


def get_event_loop(runq_len=0, waitq_len=0):
    return _loop


def get_running_loop():
    if not _running:
        raise RuntimeError("no running event loop")
    return _loop


def new_event_loop():
    # Forgets every task, timer and stream wait, as MicroPython does; keeps the loop object.
    global _timers, _dead_timers, _poller, _current, _stopping
    _ready.clear()
    _timers = []
    _dead_timers = 0
    _poller = select.poll()
    _streams.clear()
    _tasks.clear()
    _current = None
    _stopping = False
    return _loop


def set_event_loop(loop):
    pass
