# aliasing and nested lists
row = [0] * 3
grid = [row] * 2
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
a = [1, 2]
a.append(a)
print(len(a), a[2] is a)
print(a[:2])
b = [1]
c = b
c += [2]
print(b)
c = c + [3]
print(b, c)
