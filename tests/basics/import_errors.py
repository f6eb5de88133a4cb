# failing imports raise ImportError and leave no half module behind
import sys
sys.path.insert(0, "../lib")
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__ in ("ImportError", "ModuleNotFoundError"))
try:
    from helper_mod import no_such_name
except ImportError:
    print("ImportError name")
try:
    import helper_raises
except ValueError as e:
    print("ValueError", e.args)
print("helper_raises" in sys.modules)
print(issubclass(ModuleNotFoundError, ImportError))
