# sys.exit deep inside calls and loops
import sys
def inner(n):
    if n == 0:
        sys.exit(9)
    inner(n - 1)
for i in range(3):
    print(i)
inner(10)
