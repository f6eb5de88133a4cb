# basic sys attributes
import sys
print(type(sys.path).__name__, type(sys.modules).__name__)
print(sys.byteorder in ("little", "big"), type(sys.maxsize).__name__, sys.maxsize > 2 ** 30)
print(sys.version_info[0], type(sys.implementation.name).__name__)
sys.stdout.write("written\n")
print("sys" in sys.modules, callable(sys.exit))
print(hasattr(sys, "stdin"), hasattr(sys, "stderr"))
