# names that are not reserved can be used
match = 1
case = 2
type = 3
print(match, case, type)
del type
print(type(1).__name__)
