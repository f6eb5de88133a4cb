# raise a class, an instance, and non-exceptions
for thing in (ValueError, ValueError("x"), KeyError("a", "b")):
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, e.args)
try:
    raise 5
except TypeError:
    print("TypeError raising int")
class NotExc:
    pass
try:
    raise NotExc
except TypeError:
    print("TypeError raising non-exception class")
try:
    raise
except RuntimeError:
    print("RuntimeError bare raise")
