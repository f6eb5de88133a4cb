# generator with try/finally, abandoned mid-way and closed explicitly
def g():
    try:
        for i in range(5):
            yield i
    finally:
        print("finally")
it = g()
for x in it:
    if x == 2:
        break
    print(x)
print("after loop")
it.close()
print("end")
