# A frozen module for tests/compile: imported through '.frozen' on sys.path.
greeting = "hello from a frozen module"


def add(a, b):
    return a + b


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k=1):
        self.n += k
        return self.n


big = 2**70 + 1
ratio = 1.5
parts = (1, "two", b"three", 4.0, None, ...)
squares = [i * i for i in range(5)]
text = "a longer string constant that is not an identifier!"


def gen(n):
    for i in range(n):
        yield i * 2


def fails():
    return 1 // 0
