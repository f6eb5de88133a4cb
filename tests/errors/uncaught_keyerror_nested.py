# uncaught exception from several call levels deep, after some output
def a(d):
    return b(d) + 1
def b(d):
    return d["missing"]
print("calling")
for i in range(2):
    print(i)
a({})
