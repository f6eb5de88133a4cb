# conditional expressions
for n in range(4):
    print("even" if n % 2 == 0 else "odd")
x = 1 if False else 2 if False else 3
print(x)
print((lambda v: "pos" if v > 0 else "nonpos")(-1))
def side(v):
    print("eval", v)
    return v
print(side("a") if True else side("b"))
