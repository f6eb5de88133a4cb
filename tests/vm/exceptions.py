def f(x):
    try:
        if x == 0:
            return "zero"
        if x == 1:
            raise ValueError("one")
        return "other"
    except ValueError as e:
        return "caught " + str(e)
    finally:
        print("finally", x)
print(f(0), f(1), f(2))
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("fin", i)
def nested():
    try:
        try:
            raise KeyError("k")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", repr(e))
nested()
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during")
except ValueError as e:
    print(type(e.__context__).__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("from") from z
except ValueError as e:
    print(type(e.__cause__).__name__)
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)
def reraise():
    try:
        raise IndexError("x")
    except IndexError:
        raise
try:
    reraise()
except IndexError as e:
    print("reraised", e)
try:
    try:
        raise TypeError("t")
    except (ValueError, TypeError) as e:
        print("tuple match", e)
        raise
except TypeError:
    print("outer")
try:
    e = 1
    try:
        raise ValueError
    except ValueError as e:
        pass
    print(e)
except NameError as n:
    print("NameError", n)
def ret_in_finally():
    try:
        return 1
    finally:
        return 2
print(ret_in_finally())
def loop_finally():
    r = []
    for i in range(3):
        try:
            r.append(i)
        finally:
            if i == 1:
                break
    return r
print(loop_finally())
try:
    try:
        raise ValueError(1)
    finally:
        print("cleanup")
except ValueError:
    print("propagated")
x = 0
while True:
    try:
        x += 1
        if x > 3:
            break
    except Exception:
        pass
print(x)
try:
    assert x == 0, "x is %d" % x
except AssertionError as e:
    print("assert", e)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    try:
        pass
    except 5:
        pass
    else:
        print("else ran")
except TypeError as e:
    print(e)
class E(Exception):
    pass
try:
    raise E("mine")
except Exception as e:
    print(type(e).__name__, e.args)
