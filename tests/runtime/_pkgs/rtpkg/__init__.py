from .util import helper
VALUE = 10
_private = 1
