# __exit__ receives the exception type, value and traceback
class CM:
    def __enter__(self):
        return None
    def __exit__(self, t, v, tb):
        print(t is None, v is None)
        if t is not None:
            print(t.__name__, isinstance(v, t))
        return True
with CM():
    pass
with CM():
    raise IndexError(1)
def f():
    with CM():
        raise ValueError
    return "continues after suppressed"
print(f())
