# from module import * with and without __all__
import sys
sys.path.insert(0, "../lib")
from helper_star import *
print(exported, also)
try:
    not_exported
except NameError:
    print("NameError not_exported")
from helper_nostar import *
print(public_a, public_b)
try:
    _private_c
except NameError:
    print("NameError _private_c")
