# unpacking mismatches
def try_unpack(f):
    try:
        f()
        print("no error")
    except ValueError:
        print("ValueError")
    except TypeError:
        print("TypeError")
def too_many():
    a, b = [1, 2, 3]
def too_few():
    a, b, c = (1, 2)
def star_few():
    a, b, *c = [1]
def not_iter():
    a, b = 5
def gen_few():
    a, b = (x for x in [1])
for f in (too_many, too_few, star_few, not_iter, gen_few):
    try_unpack(f)
