# sys, gc and micropython as MicroPython has them (expected output in the .exp file)
import sys, gc, micropython
print(sys.implementation.name, sys.version_info[0], type(sys.maxsize).__name__, sys.byteorder)
print(type(sys.path).__name__, type(sys.argv).__name__, "sys" in sys.modules)
gc.collect()
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.mem_free() > 0, gc.mem_alloc() > 0)
print(micropython.const(5), micropython.opt_level())
@micropython.native
def f():
    return 1
@micropython.viper
def g():
    return 2
print(f(), g())
def cb(arg):
    print("scheduled", arg)
micropython.schedule(cb, 7)
for i in range(3):
    pass
print(micropython.stack_use() > 0)
micropython.heap_lock()
try:
    [0] * 1000
    print("allocated")
except MemoryError:
    print("MemoryError while locked")
micropython.heap_unlock()
print(len([0] * 1000))
import ujson
print(ujson.dumps({"a": 1}))
try:
    sys.exit(0)
except SystemExit as e:
    print("SystemExit", e.args)
