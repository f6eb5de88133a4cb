# while with else, break, continue
i = 0
while i < 3:
    i += 1
else:
    print("else ran", i)
i = 0
while True:
    i += 1
    if i == 5:
        break
else:
    print("not reached")
print("broke at", i)
i = 0
total = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    total += i
print(total)
while 0:
    pass
else:
    print("else on false")
