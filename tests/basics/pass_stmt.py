# pass in every block kind
if True:
    pass
for i in range(2):
    pass
while False:
    pass
def f():
    pass
class C:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
print(f(), C.__name__, i)
