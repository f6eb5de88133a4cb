# for with else, break, continue
for i in range(3):
    pass
else:
    print("completed", i)
for i in range(10):
    if i == 4:
        break
else:
    print("not reached")
print("broke", i)
for x in []:
    print("never")
else:
    print("empty else")
out = []
for i in range(6):
    if i % 3 == 0:
        continue
    out.append(i)
print(out)
