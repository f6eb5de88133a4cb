# try / except / else / finally
def t(n):
    try:
        print("try", n)
        if n == 1:
            raise ValueError(n)
        if n == 2:
            raise KeyError(n)
        if n == 3:
            return "ret"
    except ValueError as e:
        print("ValueError", e.args)
    except (KeyError, IndexError) as e:
        print("Key/Index", type(e).__name__)
    else:
        print("else")
    finally:
        print("finally")
    return "end"
for i in range(4):
    print(t(i))
