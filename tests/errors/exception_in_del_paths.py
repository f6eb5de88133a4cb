# exceptions raised from special methods propagate normally
class Bad:
    def __len__(self):
        raise ValueError("len")
    def __getitem__(self, i):
        raise KeyError(i)
    def __eq__(self, o):
        raise TypeError("eq")
    def __hash__(self):
        return 1
    def __repr__(self):
        raise RuntimeError("repr")
b = Bad()
for f in (lambda: len(b), lambda: b[3], lambda: b == 1, lambda: [b].index(0), lambda: repr(b), lambda: str([b])):
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e.args)
