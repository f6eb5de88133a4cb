# class definition, instances, methods, attributes
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)
p = Point(3, 4)
print(p, p.norm2(), p.dims, Point.dims)
p.dims = 3
print(p.dims, Point.dims)
print(type(p).__name__, isinstance(p, Point))
m = p.norm2
print(m())
print(Point.norm2(p))
