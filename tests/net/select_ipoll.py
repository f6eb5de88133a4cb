# MicroPython's side of select: poll() returns the registered objects, ipoll() with one-shot
# mode, streams written in Python (their ioctl answers the poll), descriptors given as ints.
import select
import socket


class Flag:
    # A stream written in Python: "readable" once set.
    def __init__(self):
        self.state = 0
        self.asked = 0

    def ioctl(self, req, arg):
        self.asked += 1
        if req == 3:
            return arg & select.POLLIN if self.state else 0
        return -22


f = Flag()
p = select.poll()
p.register(f, select.POLLIN)
print("not set", p.poll(0), f.asked > 0)
f.state = 1
res = p.poll(0)
print("set", len(res), res[0][0] is f, res[0][1])

# ipoll hands out one tuple, refilled for each event
a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
p.register(a, select.POLLIN)
a.sendto(b"hi", a.getsockname())
seen = []
for obj, ev in p.ipoll(1000):
    seen.append(("flag" if obj is f else "sock" if obj is a else "?", ev))
print("ipoll", sorted(seen))

# one-shot: what reported an event is not watched again until modify() gives it a mask
seen = [("flag" if obj is f else "sock", ev) for obj, ev in p.ipoll(0, 1)]
print("one-shot", sorted(seen))
print("after one-shot", p.poll(0))
p.modify(a, select.POLLIN)
print("re-armed", [(obj is a, ev) for obj, ev in p.poll(0)])
a.recv(10)

# unregistering during an ipoll iteration keeps the iteration's place
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.bind(("127.0.0.1", 0))
p.modify(f, select.POLLIN)
p.register(b, select.POLLOUT)
count = 0
for obj, ev in p.ipoll(0):
    count += 1
    p.unregister(obj)
print("unregistered while iterating", count, p.poll(0))

# a descriptor as an int is reported as that int
p.register(b.fileno(), select.POLLOUT)
print("int fd", p.poll(0) == [(b.fileno(), select.POLLOUT)])

# default mask is POLLIN | POLLOUT
p.unregister(b.fileno())
p.register(b)
print("default mask", [ev for obj, ev in p.poll(0)])

# unregistering something never registered is not an error
p.unregister(f)
print("unregister twice ok")

# what cannot be polled
for bad in (None, 3.5, [1]):
    try:
        p.register(bad)
    except TypeError:
        print("TypeError for", type(bad).__name__)
try:
    p.register(-1)
except ValueError:
    print("ValueError for -1")


class Broken:
    def ioctl(self, req, arg):
        raise OSError(5)


q = select.poll()
q.register(Broken())
try:
    q.poll(0)
except OSError as e:
    print("ioctl error", e.errno)

# select.select on a Python stream
r, w, x = select.select([f], [], [], 0)
print("select on stream", r == [f], w, x)
a.close()
b.close()
