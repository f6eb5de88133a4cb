# C stack per Python call, for bench/qemu-stack (runs on the lx106 under QEMU) and the host.
import micropython


def plain(n, uses):
    uses.append(micropython.stack_use())
    if n:
        plain(n - 1, uses)


class C:
    def method(self, n, uses):
        uses.append(micropython.stack_use())
        if n:
            self.method(n - 1, uses)


def per_call(fn):
    uses = []
    fn(10, uses)
    return (uses[10] - uses[0]) // 10


depth = 0


def deep():
    global depth
    depth += 1
    deep()


try:
    deep()
except RecursionError:
    print("RecursionError")
print("bytes per call:", per_call(plain))
print("bytes per method call:", per_call(C().method))
print("depth reached:", depth)
