# ranges with bounds beyond the small-int span
print(list(range(2 ** 64, 2 ** 64 + 3)), range(2 ** 70)[2 ** 69])
r = range(-2**70, 2**70, 3**20)
print(r, r.start, r.stop, r.step, bool(r), r[0], r[-1], r[5], r[-5])
try: len(r)
except OverflowError as e: print("OE", e)
try: len(range(2**100))
except OverflowError as e: print("OE", e)
print(len(range(2**62)) if False else 0)
print(r[10:20], r[::-1], r[-3:], r[::2**40], r[2**80:], r[:-2**69:7])
print(3**20 * 5 - 2**70 in r, 3**20 * 5 - 2**70 + 1 in r, 2**70 in r, -2**70 in r, 1.5 in range(5), 2.0 in range(2**64, 0, -1) if False else 0)
print(r.index(3**20 * 5 - 2**70), r.count(3**20 * 5 - 2**70), r.count(7))
print(range(2**80, 2**80+10).index(2**80+3.0), (2**80+3.0) in range(2**80, 2**80+10))
print(list(reversed(range(2**64, 2**64+10, 3))), list(reversed(range(2**64+10, 2**64, -3))))
print(range(2**64, 2**65) == range(2**64, 2**65), range(2**64, 2**64+1, 5) == range(2**64, 2**64+2, 7), range(2**64,2**64) == range(0))
print(hash(range(2**64, 2**65)) == hash(range(2**64, 2**65)), hash(range(2**64, 2**64+1, 5)) == hash(range(2**64, 2**64+2, 7)))
print(range(0, 2**100, 2**61)[3], list(range(0, 2**100, 2**98)), list(reversed(range(0, 2**100, 2**98))))
print(range(-2**62, 2**62 - 1)[2**62 - 1], range(2**62), repr(range(-2**63, 2**63, -1)), bool(range(2**64, 0)))
print(range(True, 5, True), range(3)[True], range(10)[2**70:], range(10)[-2**70:2**70:3])
it = iter(range(2**64, 2**64+2)); print(next(it), next(it), next(it, 'done'))
for bad in ["a", 1.0, None]:
    try: range(bad)
    except TypeError as e: print("TE", e)
try: range(2**64)["x"]
except TypeError as e: print("TE", e)
try: range(2**64)[2**64]
except IndexError as e: print("IE", e)
try: range(2**64)[-2**64-1]
except IndexError as e: print("IE", e)
try: range(2**64)[::0]
except ValueError as e: print("VE", e)
try: range(1, 2, 0)
except ValueError as e: print("VE", e)
try: range(2**64).index(-1)
except ValueError as e: print("VE", e)
class I:
    def __index__(self): return 2**66
print(range(I()), range(2**70)[I()], range(2**70)[I():], range(2**70)[:I()])
try: range(2**64)[1:"a"]
except TypeError as e: print("TE", e)
print(range(10)[3:2**70], range(5, -2**70, -1)[::2**65], list(range(10, 0, -3)[1:]))
