# class decorators and decorators that are classes
def register(cls):
    cls.registered = True
    return cls
@register
class A:
    pass
print(A.registered)
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)
@CountCalls
def sq(x):
    return x * x
print(sq(3), sq(4), sq.calls)
