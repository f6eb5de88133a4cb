# Random bytes on the UART, in every REPL mode, never crash the board; it answers afterwards.
import random
import time

from board import Board, check, check_equal

rng = random.Random(8266)
with Board() as b:
    b.wait_prompt()
    for round_ in range(6):
        junk = bytes(rng.randrange(256) for _ in range(600))
        # No Ctrl-D (soft reset) and no Ctrl-A (raw mode) in the first rounds; anything later.
        if round_ < 3:
            junk = junk.replace(b"\x04", b"").replace(b"\x01", b"")
        for i in range(0, len(junk), 64):
            b.write(junk[i:i + 64])
            time.sleep(0.01)
        time.sleep(0.3)
        b.read_available(0.3)
        check(b.alive(), "board alive after garbage round %d" % round_)
        # Whatever state it is in, pyboard.py's way back to a known state works.
        b.write(b"\x03\x03\x02")  # cancel paste/raw/continuation, back to friendly
        time.sleep(0.2)
        b.read_available(0.3)
        b.write(b"\r")
        b.read_until(b">>> ")
        check_equal(b.friendly("print(6 * 7)"), b"print(6 * 7)\r\n42\r\n>>> ", "REPL works after round %d" % round_)
    # Source that is garbage in the raw REPL gives a SyntaxError, not a crash.
    b.enter_raw(soft_reset=False)
    out, err = b.exec_raw(bytes(rng.randrange(32, 127) for _ in range(300)) + b"\n")
    check(err.startswith(b"Traceback (most recent call last):") and b"Error" in err, "garbage source %r" % err)
    out, err = b.exec_raw(b"\xff\xfe\x00\x80 = 1\n")
    check(b"Error" in err, "binary source %r" % err)
    check_equal(b.exec_raw("print('still here')"), (b"still here\r\n", b""), "raw REPL after garbage")
