# chained comparisons evaluate each operand once
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0)
print(1 == 1 != 2, 1 <= 1 < 2 <= 2)
def v(x):
    print("eval", x)
    return x
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
x = 5
print(0 < x < 10, 0 < x > 3, 1 in [1] == True)
print("a" < "b" < "c", [1] < [2] < [3])
