# exception handling inside loops with break/continue in handlers
out = []
for i in range(6):
    try:
        if i % 2:
            raise ValueError(i)
        out.append(i)
    except ValueError as e:
        if e.args[0] == 5:
            break
        continue
    finally:
        out.append("f")
print(out)
i = 0
while True:
    try:
        i += 1
        if i > 3:
            raise StopIteration
    except StopIteration:
        break
print(i)
