# return forms
def none1():
    pass
def none2():
    return
def tup():
    return 1, 2
def early(x):
    if x:
        return "early"
    return "late"
print(none1(), none2(), tup(), early(1), early(0))
def star():
    a = [1, 2]
    return 0, *a
print(star())
