# plain assignment and rebinding
a = 1
print(a)
a = "now a string"
print(a)
a = b = c = [1]
print(a is b, b is c)
b.append(2)
print(a)
