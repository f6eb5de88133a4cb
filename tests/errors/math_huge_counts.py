# factorial, comb and perm with a count of factors beyond a machine word raise OverflowError
# at once, as in CPython (they computed towards a product no memory holds; found by fuzzing)
import math

for call in [lambda: math.factorial(10**30), lambda: math.factorial(2**64), lambda: math.comb(2**70, 2**69),
             lambda: math.perm(2**70, 2**66), lambda: math.perm(2**70, 2**65)]:
    try:
        print(call())
    except OverflowError:
        print("OverflowError")
print(math.comb(2**70, 3), math.comb(2**70, 2**70 - 2), math.perm(2**70, 2), math.factorial(25))
