# Helper module for tests/vm/calls_*.py: functions whose globals are this module's.
value = "helper value"


def get_value():
    return value


def call_back(fn, x):
    return ("helper", value, fn(x))


def raise_in_helper(x):
    if x > 2:
        raise ValueError("from helper %d" % x)
    return raise_in_helper(x + 1)
