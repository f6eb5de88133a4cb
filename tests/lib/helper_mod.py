# Helper module imported by tests (not a test itself).
value = 42
name = "helper_mod"


def double(x):
    return 2 * x


class Thing:
    def __init__(self, n):
        self.n = n

    def get(self):
        return self.n


_private = "hidden"
