# Helper package.
pkg_value = "pkg"
from . import mod_a
from .mod_b import b_func
