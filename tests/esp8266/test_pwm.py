"""machine.PWM on the simulated board: settings read back through the control socket ('pwm N?'),
one shared frequency, clamping, duty_u16/duty_ns, deinit and re-enable, repr, errors."""
from board import Board, check, check_equal, error_of


with Board(control=True) as b:
    b.exec("from machine import Pin, PWM")
    check_equal(b.control("pwm 2?"), "pwm 2 off", "no PWM before one is made")

    b.exec("p = PWM(Pin(2))")
    check_equal(b.control("pwm 2?"), "pwm 2 freq 500 duty 0", "new channel: 500 Hz, duty 0")
    check_equal(b.eval("repr(p)"), "PWM(2, freq=500, duty=0)", "repr")
    b.exec("p.duty(512)")
    check_equal(b.control("pwm 2?"), "pwm 2 freq 500 duty 512", "duty(512)")
    check_equal(b.eval("p.duty()"), 512, "duty() reads")
    b.exec("p.freq(1000)")
    check_equal(b.control("pwm 2?"), "pwm 2 freq 1000 duty 512", "freq(1000)")

    # One frequency for every channel.
    b.exec("q = PWM(Pin(12), freq=50, duty=100)")
    check_equal(b.control("pwm 12?"), "pwm 12 freq 50 duty 100", "positional order freq, duty")
    check_equal(b.control("pwm 2?"), "pwm 2 freq 50 duty 512", "the other channel follows the frequency")
    check_equal(b.eval("p.freq()"), 50, "freq() is shared")
    b.exec("r = PWM(13, 100, 1000)")
    check_equal(b.control("pwm 13?"), "pwm 13 freq 100 duty 1000", "PWM(id, freq, duty)")

    # Clamping.
    b.exec("p.duty(5000)")
    check_equal(b.eval("p.duty()"), 1023, "duty clamped to 1023")
    b.exec("p.duty(-3)")
    check_equal(b.eval("p.duty()"), 0, "duty clamped to 0")
    b.exec("p.freq(5000)")
    check_equal(b.eval("p.freq()"), 1000, "freq clamped to 1000")
    b.exec("p.freq(0)")
    check_equal(b.eval("p.freq()"), 1, "freq clamped to 1")

    # duty_u16 and duty_ns.
    b.exec("p.freq(1000)\np.duty_u16(32768)")
    check_equal(b.eval("p.duty()"), 32768 * 1024 // 65535, "duty_u16 sets duty = v*1024//65535")
    check_equal(b.eval("p.duty_u16()"), 512 * 65535 // 1024, "duty_u16 reads d*65535//1024")
    b.exec("p.duty_ns(250000)")
    check_equal((b.eval("p.duty()"), b.eval("p.duty_ns()")), (256, 250000), "duty_ns at 1 kHz")
    b.exec("p.init(duty_u16=65535)")
    check_equal(b.eval("p.duty()"), 1023, "init(duty_u16=65535)")
    b.exec("p.init(freq=200)")
    check_equal(b.control("pwm 2?"), "pwm 2 freq 200 duty 1023", "init(freq) keeps the duty")

    # deinit, and a later duty call re-enables with the channel new (duty 0).
    b.exec("p.deinit()")
    check_equal(b.control("pwm 2?"), "pwm 2 off", "deinit stops the channel")
    check_equal(b.eval("repr(p)"), "PWM(2)", "repr when off")
    check_equal(b.control("pin 2?").split()[3], "0", "the pin is back to its latch (low)")
    check_equal(b.eval("p.duty()"), 0, "duty() after deinit re-adds the channel with duty 0")
    check_equal(b.control("pwm 2?"), "pwm 2 freq 200 duty 0", "re-enabled")
    b.exec("p.duty(300)")
    check_equal(b.control("pwm 2?"), "pwm 2 freq 200 duty 300", "re-enabled duty")

    # Errors.
    for pin in (1, 3, 9, 10, 16):
        check_equal(error_of(b, "PWM(Pin(%d))" % pin), "ValueError: PWM not supported on pin %d" % pin,
                    "PWM on GPIO%d" % pin)
    check_equal(error_of(b, "PWM(6)"), "ValueError: invalid pin", "PWM on a flash pin")
    check(error_of(b, "PWM(Pin(2), freq='x')").startswith("TypeError"), "freq must be an int")
    check(error_of(b, "PWM(Pin(2), bogus=1)").startswith("TypeError"), "unknown keyword")
    check(error_of(b, "PWM()").startswith("TypeError"), "PWM() needs a pin")
    check_equal(b.control("pwm 6?"), "error: invalid pin 6", "control: flash pin")
    check(b.control("pwm 2").startswith("error:"), "control: pwm needs '?'")

print("ok")
