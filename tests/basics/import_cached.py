# a module body runs once; later imports reuse sys.modules
import sys
sys.path.insert(0, "../lib")
import helper_counter
import helper_counter
from helper_counter import loads
print(loads)
print("helper_counter" in sys.modules)
m = sys.modules["helper_counter"]
print(m is helper_counter)
