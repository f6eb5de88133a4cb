# for over ranges of every shape
for r in (range(3), range(2, 5), range(10, 0, -3), range(0), range(-3, 3, 2), range(5, 5)):
    print(list(r), [i for i in r][::-1])
total = 0
for i in range(1000):
    total += i
print(total)
for i in range(3):
    i = "rebound"
print(i)
