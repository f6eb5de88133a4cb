# asyncio: MicroPython's flavour of CPython's asyncio, driven by select.poll.

from .core import (
    CancelledError,
    Future,
    InvalidStateError,
    Loop,
    Task,
    TimeoutError,
    create_task,
    current_task,
    ensure_future,
    get_event_loop,
    get_running_loop,
    new_event_loop,
    run,
    run_until_complete,
    set_event_loop,
    sleep,
    sleep_ms,
)
from .event import Event, ThreadSafeFlag
from .funcs import gather, wait_for, wait_for_ms
from .lock import Lock
from .stream import (
    IncompleteReadError,
    Server,
    Stream,
    StreamReader,
    StreamWriter,
    open_connection,
    start_server,
)
