# several statements on a line
a = 1; b = 2; print(a + b)
if a: print("inline if"); print("second")
for i in range(2): print(i);
while False: pass
class C: x = 1; y = 2
print(C.x, C.y)
def f(): return 5
print(f())
