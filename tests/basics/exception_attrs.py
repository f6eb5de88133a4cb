# exception args, str, repr of user exceptions
e = ValueError("msg")
print(e.args, str(e), repr(e))
e = ValueError()
print(e.args, repr(str(e)), repr(e))
e = ValueError(1, 2)
print(e.args, str(e))
class MyErr(Exception):
    pass
print(repr(MyErr("a")), str(MyErr("a")))
e = KeyError("key")
print(e.args)
e = StopIteration(5)
print(e.value, e.args)
print(isinstance(e, Exception), isinstance(e, BaseException))
