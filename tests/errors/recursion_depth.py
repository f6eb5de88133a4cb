# unbounded recursion raises RuntimeError (RecursionError in CPython)
def down(n):
    return down(n + 1) + 1
try:
    down(0)
except RuntimeError:
    print("RuntimeError")
def again():
    return again()
for i in range(3):
    try:
        again()
    except RuntimeError:
        print("caught", i)
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(50))
