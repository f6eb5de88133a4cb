# bare except and except Exception
try:
    1 / 0
except:
    print("bare caught")
try:
    [][0]
except Exception as e:
    print(type(e).__name__)
try:
    {}["x"]
except LookupError as e:
    print("LookupError", type(e).__name__)
try:
    try:
        raise TypeError("inner")
    except ValueError:
        print("wrong")
except TypeError as e:
    print("outer got", e.args)
