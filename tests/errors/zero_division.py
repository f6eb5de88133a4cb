# division by zero in every form
cases = [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0),
         lambda: 1.0 / 0, lambda: 2 ** 100 // 0, lambda: (2 ** 100) % 0, lambda: 0 ** -1,
         lambda: pow(2, -1, 0) if False else 1 / 0]
for c in cases:
    try:
        c()
        print("no error")
    except ZeroDivisionError:
        print("ZeroDivisionError")
print(issubclass(ZeroDivisionError, ArithmeticError))
