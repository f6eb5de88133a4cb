# identifier forms
_ = 1
__x = 2
a1b2 = 3
CamelCase = 4
_trailing_ = 5
print(_, __x, a1b2, CamelCase, _trailing_)
café = "unicode ident"
print(café)
