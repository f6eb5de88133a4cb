# the built-in exception hierarchy
pairs = [
    (ArithmeticError, Exception), (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (LookupError, Exception), (IndexError, LookupError), (KeyError, LookupError),
    (AttributeError, Exception), (NameError, Exception), (UnboundLocalError, NameError),
    (ImportError, Exception), (OSError, Exception), (RuntimeError, Exception),
    (NotImplementedError, RuntimeError), (RecursionError, RuntimeError),
    (StopIteration, Exception), (StopAsyncIteration, Exception), (SyntaxError, Exception),
    (IndentationError, SyntaxError), (TypeError, Exception), (ValueError, Exception),
    (UnicodeError, ValueError), (AssertionError, Exception), (MemoryError, Exception),
    (EOFError, Exception), (GeneratorExit, BaseException), (KeyboardInterrupt, BaseException),
    (SystemExit, BaseException), (Exception, BaseException),
]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))
for e in (GeneratorExit, KeyboardInterrupt, SystemExit):
    print(e.__name__, issubclass(e, Exception))
print(issubclass(KeyError, IndexError), issubclass(ValueError, TypeError))
