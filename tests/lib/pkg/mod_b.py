# Helper package module using a relative import.
from .mod_a import a_value


def b_func():
    return "b_func+" + a_value
