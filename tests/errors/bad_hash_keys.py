# unhashable keys are rejected everywhere
for key in ([], {}, set(), bytearray(b"x"), ([],)):
    for op in ("dict", "set", "hash"):
        try:
            if op == "dict":
                {}[key] = 1
            elif op == "set":
                {key}
            else:
                hash(key)
            print("no error")
        except TypeError:
            print("TypeError", op)
