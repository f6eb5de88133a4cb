# deque, array and BytesIO driven by a fixed pseudo-random sequence and checked against lists
from array import array
from collections import deque
import io

state = 12345


def rnd(n):
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return state % n


d = deque()
model = []
for step in range(3000):
    op = rnd(8)
    v = rnd(100)
    if op == 0:
        d.append(v); model.append(v)
    elif op == 1:
        d.appendleft(v); model.insert(0, v)
    elif op == 2 and model:
        assert d.pop() == model.pop()
    elif op == 3 and model:
        assert d.popleft() == model.pop(0)
    elif op == 4 and model:
        i = rnd(len(model)) - len(model) // 2
        d[i] = v; model[i] = v
    elif op == 5:
        d.rotate(rnd(7) - 3)
        k = len(model) and (rnd(1) or 0)
    elif op == 6 and model:
        i = rnd(len(model))
        del d[i]; del model[i]
    elif op == 7:
        d.extend([v, v + 1]); model.extend([v, v + 1])
    if op == 5:
        model = list(d)
    assert list(d) == model, step
print("deque ok", len(d))

a = array("h")
model = []
for step in range(2000):
    op = rnd(6)
    if op == 0:
        v = rnd(60000) - 30000
        a.append(v); model.append(v)
    elif op == 1 and model:
        i, j = sorted((rnd(len(model) + 1), rnd(len(model) + 1)))
        new = [rnd(100) for _ in range(rnd(4))]
        a[i:j] = array("h", new); model[i:j] = new
    elif op == 2 and model:
        i, j = sorted((rnd(len(model) + 1), rnd(len(model) + 1)))
        del a[i:j]; del model[i:j]
    elif op == 3 and model:
        step_ = rnd(3) + 1
        assert list(a[::step_]) == model[::step_]
        assert list(a[::-step_]) == model[::-step_]
    elif op == 4 and model:
        i = rnd(len(model))
        assert a.pop(i) == model.pop(i)
    elif op == 5:
        i = rnd(len(model) + 1)
        v = rnd(10)
        a.insert(i, v); model.insert(i, v)
    assert a.tolist() == model, step
print("array ok", len(a))

b = io.BytesIO()
model = bytearray()
pos = 0
for step in range(2000):
    op = rnd(4)
    if op == 0:
        data = bytes(rnd(256) for _ in range(rnd(5)))
        b.write(data)
        if data and pos > len(model):
            model.extend(bytes(pos - len(model)))
        model[pos:pos + len(data)] = data
        pos += len(data)
    elif op == 1:
        pos = rnd(len(model) + 3)
        b.seek(pos)
    elif op == 2:
        n = rnd(6)
        got = b.read(n)
        want = bytes(model[pos:pos + n])
        assert got == want, step
        pos += len(want) if pos <= len(model) else 0
    elif op == 3:
        assert b.tell() == pos
    assert b.getvalue() == bytes(model), step
print("bytesio ok", len(model))
