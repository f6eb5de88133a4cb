# __exit__ runs on return, break, continue
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit")
def f():
    with CM():
        return "returned"
print(f())
for i in range(3):
    with CM():
        if i == 0:
            continue
        if i == 1:
            break
print("loop done", i)
def gen():
    with CM():
        yield 1
        yield 2
print(list(gen()))
class Enter:
    def __enter__(self):
        raise ValueError("in enter")
    def __exit__(self, *a):
        print("never")
try:
    with Enter():
        print("never")
except ValueError:
    print("enter failed")
