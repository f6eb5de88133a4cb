def f():
    out = []
    for i in range(5):
        try:
            if i == 0:
                raise ValueError
            if i == 2:
                continue
            out.append(i)
        except ValueError:
            out.append("v")
            continue
        finally:
            out.append("f")
        if i == 3:
            break
    return out
print(f())
def g():
    for i in range(3):
        try:
            try:
                raise KeyError(i)
            except KeyError:
                if i == 1:
                    break
                continue
        finally:
            print("finally", i)
    return i
print(g())
def h():
    class CM:
        def __enter__(self): return self
        def __exit__(self, *a): print("exit", a[0]); return False
    for i in range(3):
        with CM():
            try:
                if i == 1:
                    return "returned"
            finally:
                print("inner finally", i)
print(h())
def cont_in_finally():
    r = []
    for i in range(3):
        try:
            r.append(i)
        finally:
            continue
    return r
print(cont_in_finally())
def exc_in_finally():
    try:
        try:
            raise ValueError("first")
        finally:
            raise KeyError("second")
    except KeyError as e:
        print("got", repr(e), "context", repr(e.__context__))
exc_in_finally()
def nested_return():
    try:
        try:
            return "inner"
        finally:
            print("f1")
    finally:
        print("f2")
print(nested_return())
def while_else(n):
    i = 0
    while i < n:
        if i == 5:
            break
        i += 1
    else:
        return "no break"
    return "break"
print(while_else(3), while_else(10))
def except_star_order():
    try:
        {}["x"]
    except (IndexError, KeyError) as e:
        return type(e).__name__
print(except_star_order())
def raise_in_except_no_context():
    try:
        try:
            raise ValueError("a")
        except ValueError:
            raise TypeError("b") from None
    except TypeError as e:
        print(e.__cause__, e.__context__ is not None)
raise_in_except_no_context()
def gen_close_in_with():
    class CM:
        def __enter__(self): return self
        def __exit__(self, t, v, tb):
            print("cm exit", t.__name__ if t else None)
    with CM():
        yield 1
g = gen_close_in_with()
next(g)
g.close()
def gen_throw_unstarted():
    yield 1
g = gen_throw_unstarted()
try:
    g.throw(ValueError("x"))
except ValueError as e:
    print("unstarted throw", e)
print(list(g))
lst = []
for x in range(3):
    lst.append(lambda: x)
print([f() for f in lst])
try:
    for i in range(3):
        pass
    print(i)
finally:
    print("done")
