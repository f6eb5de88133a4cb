# yield from passes throw/close through and returns values
def sub():
    try:
        yield "s1"
        yield "s2"
    except KeyError:
        yield "sub caught"
        return "sub result"
    finally:
        print("sub finally")
def main():
    r = yield from sub()
    yield ("main got", r)
it = main()
print(next(it))
print(it.throw(KeyError))
print(next(it))
it2 = main()
next(it2)
it2.close()
print("closed")
def chain(*its):
    for i in its:
        yield from i
print(list(chain([1], (2, 3), "ab", range(2))))
