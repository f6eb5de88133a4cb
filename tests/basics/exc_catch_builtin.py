# each built-in exception can be raised, caught by its base and inspected
excs = [ValueError, TypeError, KeyError, IndexError, AttributeError, NameError,
        ZeroDivisionError, OverflowError, RuntimeError, NotImplementedError,
        StopIteration, AssertionError, MemoryError, OSError, ImportError, EOFError,
        KeyboardInterrupt, SystemExit, GeneratorExit, LookupError, ArithmeticError]
for E in excs:
    try:
        raise E("arg")
    except BaseException as e:
        print(type(e).__name__, e.args, isinstance(e, E))
