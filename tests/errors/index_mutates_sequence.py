# an __index__ that empties the sequence it indexes: the index is converted before the length
# is read, so reads and writes stay inside the items (they went past the end; found by fuzzing)
import array
import collections


class Shrinker:
    def __init__(self, seq, value):
        self.seq = seq
        self.value = value

    def __index__(self):
        del self.seq[:]
        return self.value


def attempt(name, action):
    try:
        print(name, action())
    except (IndexError, ValueError, TypeError) as e:
        print(name, type(e).__name__)


def store(s, i):
    s[i] = 1
    return list(s)


def delete(s, i):
    del s[i]
    return list(s)


def make(kind):
    if kind == "list":
        return list(range(10))
    if kind == "bytearray":
        return bytearray(range(10))
    return array.array("i", range(10))


for kind in ["list", "bytearray", "array"]:
    s = make(kind)
    attempt(kind + " get", lambda: s[Shrinker(s, 5)])
    s = make(kind)
    attempt(kind + " set", lambda: store(s, Shrinker(s, 5)))
    s = make(kind)
    attempt(kind + " del", lambda: delete(s, Shrinker(s, 5)))
    s = make(kind)
    attempt(kind + " get slice", lambda: list(s[Shrinker(s, 2):Shrinker(s, 8)]))
    s = make(kind)
    attempt(kind + " step slice", lambda: list(s[1:9:Shrinker(s, 2)]))
    s = make(kind)
    s[Shrinker(s, 3):Shrinker(s, 9)] = make(kind)[:2]
    print(kind, "set slice", list(s))
    s = make(kind)
    del s[Shrinker(s, 1):Shrinker(s, 9):2]
    print(kind, "del slice", list(s))

d = collections.deque(range(10))


class DequeShrinker:
    def __index__(self):
        d.clear()
        return 5


attempt("deque get", lambda: d[DequeShrinker()])
