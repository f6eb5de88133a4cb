# On 64-bit builds float arithmetic allocates nothing: floats are immediate words.
# (gc.mem_alloc is MicroPython's; the .exp file holds the expected output.)
import gc

gc.collect()
gc.disable()
x = 0.0
y = 1.0
before = gc.mem_alloc()
for i in range(2000):
    x = x + y * 0.5
    y = y * 1.0001 - 1e-9
after = gc.mem_alloc()
gc.enable()
print(after - before < 2000, x > 0)
