# big integers in a computation: factorials, binomials and Fibonacci
def binom(n, k):
    r = 1
    for i in range(1, k + 1):
        r = r * (n - i + 1) // i
    return r
print(binom(100, 50))
a, b = 0, 1
for _ in range(300):
    a, b = b, a + b
print(a)
print(a % 1000000007, a.bit_length(), len(str(a)))
print(sum(int(d) for d in str(2 ** 1000)))
x = 3 ** 200
print(x // 7 ** 50, x % 7 ** 50)
print(-x // 10 ** 80, (-x) % 10 ** 80)
