# __cause__ chains that loop or run long print without recursing in C (found by tools/fuzz.py)
import io
import sys


def render(exc):
    out = io.StringIO()
    if hasattr(sys, "print_exception"):
        sys.print_exception(exc, out)
    else:
        import traceback
        traceback.print_exception(exc, file=out)
    return out.getvalue()


def summary(text):
    return [line for line in text.split("\n") if line and not line.startswith((" ", "Traceback"))]


e1 = ValueError("one")
e2 = TypeError("two")
e1.__cause__ = e2
e2.__cause__ = e1
print(summary(render(e1)))

e3 = KeyError("three")
e3.__cause__ = e3
print(summary(render(e3)))

tail = ValueError(0)
head = tail
for i in range(1, 20000):
    link = ValueError(i)
    link.__cause__ = head
    head = link
text = render(head)
print(text.split("\n")[-2])

print("raising the cycle")
raise e1
