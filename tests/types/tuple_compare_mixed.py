# tuples compare element by element and stop at the first difference
print((1, "a") < (1, "b"), (1, "b") < (2, "a"), (-3, "x") < (-3, "y"), (0, "z") > (0, "a"))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (-1, "q")]))
print(sorted({"ab": 2, "cd": 2, "ef": 1}.items(), key=lambda kv: (-kv[1], kv[0])))
print((1, 2) == (1, 2), (1, "a") != (1, "b"), (1,) < (1, "a"), ((1, "a"), 2) < ((1, "b"), 0))
