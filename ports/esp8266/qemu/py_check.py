# Runs on the lx106 under QEMU and under CPython; the two outputs must match.
print(6 * 7)
print(sum(range(1, 101)), 2**40, -7 // 2, -7 % 2)
print(10**20 // 7, 10**20 % 7)


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print([fib(n) for n in range(12)])
print(1.5 * 4, 7 / 2)
print("%s-%d" % ("lx106", 8266), "ok")
