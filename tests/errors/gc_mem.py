# not-sanitized: how much memory a collection frees depends on stale words in C stack frames, laid out differently by the sanitizer build
# gc.mem_free / gc.mem_alloc / gc.threshold (MicroPython API)
import gc
gc.collect()
free0 = gc.mem_free()
alloc0 = gc.mem_alloc()
print(type(free0).__name__, type(alloc0).__name__, free0 > 0, alloc0 > 0)
keep = [bytearray(100) for i in range(50)]
print(gc.mem_alloc() > alloc0, gc.mem_free() < free0)
keep = None
gc.collect()
print(gc.mem_alloc() < alloc0 + 2000)
print(type(gc.threshold()).__name__)
gc.threshold(4096)
print(gc.threshold())
gc.threshold(-1)
print(gc.threshold())
