# IndexError, KeyError and friends
cases = [
    lambda: [][0],
    lambda: [1, 2][-3],
    lambda: (1,)[5],
    lambda: "abc"[3],
    lambda: b"ab"[2],
    lambda: range(3)[3],
    lambda: {}["k"],
    lambda: {1: 2}[2],
    lambda: [].pop(),
    lambda: {}.pop("a"),
    lambda: set().pop(),
    lambda: bytearray(2)[5],
    lambda: "é"[1],
]
for c in cases:
    try:
        c()
        print("no error")
    except IndexError:
        print("IndexError")
    except KeyError:
        print("KeyError")
try:
    {}[("t", 1)]
except KeyError as e:
    print(e.args)
