# iterating over non-iterables
for obj in (5, None, 1.5, len, object()):
    try:
        for x in obj:
            pass
        print("no error")
    except TypeError:
        print("TypeError")
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError:
    print("TypeError bad __iter__")
class BadNext:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError("from next")
try:
    list(BadNext())
except ValueError as e:
    print("ValueError", e.args)
