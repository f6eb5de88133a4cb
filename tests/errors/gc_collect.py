# gc functions shared with CPython
import gc
gc.collect()
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
garbage = [[i] * 10 for i in range(1000)]
garbage = None
gc.collect()
print("ok")
