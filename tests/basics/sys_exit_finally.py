# SystemExit unwinds through finally blocks and can be caught
import sys
try:
    sys.exit(4)
except SystemExit as e:
    print("caught", e.code, e.args)
def f():
    try:
        sys.exit(7)
    finally:
        print("finally runs")
try:
    f()
except BaseException as e:
    print(type(e).__name__, e.code)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
try:
    f()
finally:
    print("outer finally")
