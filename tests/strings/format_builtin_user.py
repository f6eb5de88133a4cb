# format() on objects of user classes: __format__ from object, or the class's own
class NoFormat:
    def __str__(self):
        return "nf"

class Own:
    def __format__(self, spec):
        return "own:" + spec

print(format(NoFormat()), format(Own(), "x"), format(Own()))
try:
    format(NoFormat(), "x")
except TypeError as e:
    print("TypeError", e)
