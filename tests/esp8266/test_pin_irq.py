"""Pin.irq on the simulated board: edges from the control socket reach scheduled handlers;
triggers, disabling, the IRQ object, the errors, and a soft reset clearing the handlers."""
import time

from board import Board, check, check_equal, error_of


def irq_field(b, pin):
    words = b.control("pin %d?" % pin).split()
    return dict(zip(words[2::2], words[3::2]))["irq"]


def settle(b):
    """Lets the board take pending events (handlers run at the next safe point)."""
    b.exec("import time; time.sleep_ms(20)")


with Board(control=True) as b:
    b.exec("from machine import Pin\nev = []\ndef h(p):\n    ev.append((p, p.value()))\n")
    b.exec("p = Pin(4, Pin.IN)\nirq = p.irq(h, Pin.IRQ_FALLING)")
    check_equal(irq_field(b, 4), "2", "falling edges enabled at the chip")
    # The handlers read the pin when they run, so each edge is let through before the next.
    for level in (1, 0, 1, 0):
        b.control("pin 4 %d" % level)
        settle(b)
    check_equal(b.eval("[(repr(q), v) for q, v in ev]"), [("Pin(4)", 0), ("Pin(4)", 0)], "two falling edges")

    # Both edges (the default trigger); the handler gets the Pin.
    b.exec("ev.clear()\np.irq(h)")
    check_equal(irq_field(b, 4), "3", "default trigger is both edges")
    for level in (1, 0):
        b.control("pin 4 %d" % level)
        settle(b)
    check_equal(b.eval("[v for q, v in ev]"), [1, 0], "rising then falling")
    check(b.eval("ev[0][0] is p"), "handler gets the Pin singleton")

    # IRQ object: trigger() returns the previous trigger and sets a new one; calling fires it.
    check_equal(b.eval("p.irq().trigger()"), 3, "trigger() reads")
    check_equal(b.eval("p.irq().trigger(Pin.IRQ_RISING)"), 3, "trigger(x) returns the previous one")
    check_equal(irq_field(b, 4), "1", "trigger(IRQ_RISING) reaches the chip")
    check(b.eval("p.irq() is p.irq()"), "one IRQ object per pin")
    b.exec("ev.clear()")
    b.control("pin 4 1")
    b.control("pin 4 0")
    settle(b)
    check_equal(b.eval("[v for q, v in ev]"), [1], "rising only")
    b.exec("ev.clear()\np.irq()()\ntime.sleep_ms(5)")
    check_equal(b.eval("len(ev)"), 1, "calling the IRQ object fires the handler")

    # Edges the board makes itself count too (an output with an IRQ).
    b.exec("ev.clear()\no = Pin(5, Pin.OUT, value=0)\no.irq(h, Pin.IRQ_RISING)\no(1)\no(0)\no(1)\ntime.sleep_ms(5)")
    check_equal(b.eval("len(ev)"), 2, "own output edges")
    b.exec("o.irq(None)")

    # None disables.
    b.exec("ev.clear()\np.irq(None)")
    check_equal(irq_field(b, 4), "0", "irq(None) disables at the chip")
    b.control("pin 4 1")
    b.control("pin 4 0")
    settle(b)
    check_equal(b.eval("ev"), [], "no handler after irq(None)")

    # A handler that is slow to be run does not lose the board: many edges, then all handled.
    b.exec("cnt = [0]\ndef c(p):\n    cnt[0] += 1\n\np.irq(c)")
    for i in range(20):
        b.control("pin 4 %d" % (i % 2 == 0))
    settle(b)
    check_equal(b.eval("cnt[0]"), 20, "20 edges, 20 handler calls")

    # Errors.
    check_equal(error_of(b, "Pin(16).irq(h)"), "OSError: pin does not have IRQ capabilities", "GPIO16")
    check_equal(error_of(b, "Pin(16).irq()"), "OSError: pin does not have IRQ capabilities", "GPIO16, no args")
    check_equal(error_of(b, "p.irq(h, hard=True)"), "ValueError: hard IRQ not supported", "hard=True")
    check(error_of(b, "p.irq(h, trigger='x')").startswith("TypeError"), "trigger must be an int")

    # A soft reset clears the IRQs (and keeps the levels).
    b.exec("p.irq(h)")
    check_equal(irq_field(b, 4), "3", "armed before the soft reset")
    b.raw_soft_reset()
    check_equal(irq_field(b, 4), "0", "soft reset disables the pin's IRQ")
    b.control("pin 4 1")
    b.control("pin 4 0")
    settle(b)
    check_equal(b.exec("print('alive')"), b"alive\r\n", "board fine after edges with no handler")

print("ok")
