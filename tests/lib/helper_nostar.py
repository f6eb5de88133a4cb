# Helper module for `from x import *` without __all__.
public_a = "a"
public_b = "b"
_private_c = "c"
