# definitions and imports inside conditionals and loops
import sys
sys.path.insert(0, "../lib")
if len(sys.argv) >= 1:
    def which():
        return "first"
else:
    def which():
        return "second"
print(which())
for i in range(2):
    if i:
        import helper_mod as mod
        print(mod.value)
try:
    import helper_mod
except ImportError:
    helper_mod = None
print(helper_mod is not None)
funcs = {}
for name in ("a", "b"):
    def f(n=name):
        return n * 2
    funcs[name] = f
print(funcs["a"](), funcs["b"]())
