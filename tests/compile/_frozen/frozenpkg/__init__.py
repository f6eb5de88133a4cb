# A frozen package with a relative import.
from .mod import value

initialised = True
