# import forms: plain, dotted, aliases
import sys
sys.path.insert(0, "../lib")
import helper_mod
print(helper_mod.value, helper_mod.double(4), helper_mod.name)
import helper_mod as hm
print(hm is helper_mod)
from helper_mod import value, double as dbl
print(value, dbl(5))
from helper_mod import (Thing,
                        name)
print(Thing(3).get(), name)
print(type(helper_mod).__name__)
print(helper_mod.__name__)
