# raise ... from ...
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("wrapped") from z
except ValueError as e:
    print(e.args, type(e.__cause__).__name__)
try:
    raise KeyError("k") from None
except KeyError as e:
    print(e.__cause__)
try:
    raise TypeError from ValueError("v")
except TypeError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)
