# assert statements
assert True
assert 1 == 1, "never"
try:
    assert False
except AssertionError as e:
    print("AssertionError", e.args)
try:
    assert 1 > 2, "custom message"
except AssertionError as e:
    print("AssertionError", e.args)
try:
    assert [], ("tuple", 1)
except AssertionError as e:
    print(e.args)
