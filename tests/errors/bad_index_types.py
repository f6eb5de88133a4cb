# subscripting with wrong index types
cases = [lambda: [1][None], lambda: (1,)["a"], lambda: "abc"[[0]], lambda: b"x"[1.5],
         lambda: range(3)["1"], lambda: [1, 2][1:"2"], lambda: {}[[1]], lambda: 5[0],
         lambda: None[0], lambda: len[0]]
for c in cases:
    try:
        c()
        print("no error")
    except TypeError:
        print("TypeError")
