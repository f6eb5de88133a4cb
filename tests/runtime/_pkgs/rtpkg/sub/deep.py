from .. import VALUE
from ..util import helper as h
__all__ = ["public", "also"]
public = VALUE + 1
also = h()
hidden = 3
