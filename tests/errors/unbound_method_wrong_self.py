# methods of built-in types called through the type with a first argument of another type
# raise TypeError; they took it for their own kind of object (bytearray.clear(b'abc') emptied
# an immutable bytes, bytearray.extend(5, b'x') read address 5; found by fuzzing)
import array
import collections
import io

calls = [
    lambda: bytearray.extend(b"a", b"b"),
    lambda: bytearray.clear(b"abc"),
    lambda: bytearray.append(5, 1),
    lambda: bytearray.extend([1], b"zz"),
    lambda: bytearray.append(),
    lambda: array.array.append(b"x", 1),
    lambda: collections.deque.append([1], 2),
    lambda: collections.OrderedDict.popitem({1: 2}),
    lambda: io.BytesIO.write(io.StringIO(), b"x"),
    lambda: io.StringIO.getvalue(5),
    lambda: tuple.count([1, 1], 1),
    lambda: range.index([1], 1),
    lambda: memoryview.tobytes(b"ab"),
    lambda: int.bit_length(2.5),
    lambda: dict.keys([1]),
    lambda: list.append((1,), 2),
]
for call in calls:
    try:
        print(call())
    except TypeError:
        print("TypeError")

data = b"abc"
print(data, len(data))


class Bytes(bytearray):
    pass


class Items(list):
    pass


b = Bytes(b"xy")
bytearray.append(b, 65)
bytearray.extend(b, b"BC")
items = Items([3, 1, 2])
list.sort(items)
list.append(items, 4)
print(bytes(b), len(b), items, bool.bit_length(True), int.bit_length(255), str.upper("q"))
print(list.append, list.append == list.append, list.append.__name__, {list.append: 1}[list.append])
