# __name__ of the main script and of an imported module
import sys
sys.path.insert(0, "../lib")
print(__name__)
if __name__ == "__main__":
    print("main")
import helper_mod
print(helper_mod.__name__)
import pkg.mod_a
print(pkg.mod_a.__name__)
