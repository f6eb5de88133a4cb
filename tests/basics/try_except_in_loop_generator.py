# generators with try/except around yields inside loops
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a // b
        except ZeroDivisionError:
            yield None
print(list(safe_div([(6, 3), (1, 0), (9, 2)])))
def retry(attempts):
    for i in range(attempts):
        try:
            if i < 2:
                raise OSError("fail %d" % i)
            yield "success at %d" % i
            return
        except OSError as e:
            yield "retry after " + e.args[0]
print(list(retry(5)))
