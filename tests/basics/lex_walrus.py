# := operator
if (n := 10) > 5:
    print("big", n)
data = [1, 2, 3, 4]
while (item := data.pop()) != 2:
    print(item)
print([y for x in range(5) if (y := x * x) > 4])
print(y)
print((z := 3) + z)
