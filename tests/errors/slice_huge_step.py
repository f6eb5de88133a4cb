# slices whose step is near or beyond the machine word read, assign and delete the right
# items of every sequence type, with no integer overflow (found by tools/fuzz.py)
import array

steps = [2**63 - 1, -2**63 + 1, -2**63, 2**63, -2**64, 2**62, 3, -3, 6, -6]
bounds = [None, 0, 2, -1, 6, -6, -2**63, 2**63]


def fresh():
    return ["abcde", "ab\u00e9\u20ac\U0001f600", b"abcde", bytearray(b"abcde"), [1, 2, 3, 4, 5],
            (1, 2, 3, 4, 5), array.array("h", [1, 2, 3, 4, 5]), range(5), range(-7, 30, 3),
            range(9, -3, -2), "", b"", []]


def show(v):
    return list(v) if isinstance(v, array.array) else v


for step in steps:
    for start in bounds:
        for stop in bounds:
            line = []
            for seq in fresh():
                sl = slice(start, stop, step)
                try:
                    line.append(show(seq[sl]))
                    seq[sl] = seq[sl]
                    line.append(show(seq))
                    del seq[sl]
                    line.append(show(seq))
                except TypeError as e:
                    line.append("TypeError")
            print(step, start, stop, line)

view = memoryview(bytearray(b"abcdef"))
for step in steps:
    print(step, bytes(view[::step]), bytes(view[1::step][::step]), bytes(view[::2][::step]))
for step in [2**63 - 1, -2**63 + 1, -2**63]:
    print(slice(1, 2, step).indices(5))
