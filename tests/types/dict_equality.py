# dict equality ignores order; keys compare by value
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {1: 1} == {1.0: 1}, {1: 1} == {1: 1.0})
print({} == {}, {1: []} == {1: []}, {1: 2} == {1: 3}, {1: 2} == {2: 2})
print({"a": 1} != {"a": 1}, {(1, 2): 0} == {(1, 2): 0})
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
