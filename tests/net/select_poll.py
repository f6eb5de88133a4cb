# select.poll and select.select on sockets (OS descriptors), compared with CPython.
# CPython's poll() reports descriptors where MicroPython's reports the registered objects,
# so events are printed by the name of their socket.
import select
import socket

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.bind(("127.0.0.1", 0))
names = {a.fileno(): "a", b.fileno(): "b"}


def show(events):
    return sorted((names[o if isinstance(o, int) else o.fileno()], ev) for o, ev in events)


print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)

p = select.poll()
p.register(a, select.POLLIN)
p.register(b, select.POLLIN)
print("nothing yet", show(p.poll(0)))
print("timeout", show(p.poll(20)))

b.sendto(b"to a", a.getsockname())
print("a readable", show(p.poll(1000)))
print(a.recv(10))
print("drained", show(p.poll(0)))

# modify: b is always writable; registering again also modifies
p.modify(b, select.POLLOUT)
print("b writable", show(p.poll(0)))
p.register(b, select.POLLIN | select.POLLOUT)
a.sendto(b"to b", b.getsockname())
print("b both", show(p.poll(1000)))
print(b.recv(10))

p.unregister(b)
print("b gone", show(p.poll(0)))
try:
    p.modify(b, select.POLLIN)
except OSError as e:
    print("modify unregistered", e.errno)

# timeouts given as floats and None
b.sendto(b"x", a.getsockname())
print("float timeout", show(p.poll(500.5)))
print("None timeout", show(p.poll(None)))
a.recv(10)

# poll with nothing registered just waits
empty = select.poll()
print("empty", empty.poll(10))

# select.select gives back the objects it was given
r, w, x = select.select([a, b], [b], [], 0)
print("select", [names[s.fileno()] for s in r], [names[s.fileno()] for s in w], x)
b.sendto(b"y", a.getsockname())
r, w, x = select.select([a, b], [], [], 1.0)
print("select readable", [names[s.fileno()] for s in r], w, x)
r, w, x = select.select([b], [], [], 0.02)
print("select timeout", r, w, x)
a.close()
b.close()
