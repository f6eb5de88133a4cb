# Helper module two levels down using parent-relative imports.
from ..mod_b import b_func
from . import sub_value


def deep():
    return b_func() + "|" + sub_value
