# with on objects lacking the protocol
class NoExit:
    def __enter__(self):
        return self
class NoEnter:
    def __exit__(self, *a):
        pass
for obj in (5, NoExit(), NoEnter(), None):
    try:
        with obj:
            print("body")
    except (AttributeError, TypeError) as e:
        print("error")
