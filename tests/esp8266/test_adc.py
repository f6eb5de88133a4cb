"""machine.ADC on the simulated board: values set through the control socket ('adc 0 512')
read back as read() and read_u16(); ADC(1) the supply voltage; errors."""
from board import Board, check, check_equal, error_of


with Board(control=True) as b:
    b.exec("from machine import ADC\na = ADC(0)")
    for value in (0, 1, 512, 1000, 1024):
        check_equal(b.control("adc 0 %d" % value), "ok", "adc 0 %d" % value)
        check_equal(b.eval("(a.read(), a.read_u16())"), (value, value * 65535 // 1024), "ADC(0) at %d" % value)
    check_equal(b.control("adc 0?"), "adc 0 1024", "control reads the ADC back")
    check_equal(b.eval("ADC(1).read()"), 3379, "supply 3.3 V in 1/1024 V")
    b.control("adc 1 3072")
    check_equal(b.eval("ADC(1).read()"), 3072, "supply set to 3.0 V")
    check(b.eval("ADC(0) is a and repr(a) == 'ADC(0)'"), "ADC(0) singleton, repr")

    for bad in (2, -1, 100):
        check_equal(error_of(b, "ADC(%d)" % bad), "ValueError: ADC(%d) doesn't exist" % bad, "ADC(%d)" % bad)
    check(error_of(b, "ADC()").startswith("TypeError"), "ADC() needs an id")
    check(error_of(b, "ADC('0')").startswith("TypeError"), "ADC('0')")

    # The control socket refuses what the ADC cannot read.
    for line in ("adc 0 1025", "adc 0 -1", "adc 2 5", "adc 0 x", "adc", "adc 0 5 6"):
        check(b.control(line).startswith("error:"), "control refuses %r" % line)
    check_equal(b.eval("a.read()"), 1024, "refused commands change nothing")

print("ok")
