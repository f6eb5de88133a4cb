# break and continue only affect the innermost loop
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if j == 2:
            break
        print(i, j)
    else:
        print("inner else")
    print("outer", i)
found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    if found:
        break
print(found)
