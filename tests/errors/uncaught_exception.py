# an uncaught exception: stdout so far is kept, exit status is 1
print("before")
def f():
    raise ValueError("escapes")
f()
print("never printed")
