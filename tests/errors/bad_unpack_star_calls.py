# bad * and ** in calls and displays
def f(*a, **k):
    return a, k
cases = [lambda: f(*None), lambda: f(**[1]), lambda: [*5], lambda: {**[]},
         lambda: f(**{"a": 1}, **{"a": 2}), lambda: dict(**{1: 2}), lambda: (*1.5,)]
for c in cases:
    try:
        c()
        print("no error")
    except TypeError:
        print("TypeError")
