# timeout: 120
import io
import json

buf = io.StringIO()
json.dump({"a": [1, 2, 3], "b": "text"}, buf)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
json.dump([1, 2], buf, separators=(",", ":"))
print(buf.getvalue())


class Writer:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


w = Writer()
json.dump({"k": None}, w)
print("".join(w.parts))


class Reader:
    def read(self):
        return '{"from": "reader"}'


print(json.load(Reader()))
deep = "[" * 100000 + "]" * 100000
try:
    json.loads(deep)
except RecursionError:
    print("RecursionError")
