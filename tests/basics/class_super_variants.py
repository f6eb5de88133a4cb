# super() in different positions
class Base:
    def __init__(self):
        self.log = ["Base"]
    def hello(self, x):
        return "Base.hello(%s)" % x
    @classmethod
    def make(cls):
        return "Base.make for " + cls.__name__
class Child(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Child")
    def hello(self, x):
        return "Child+" + super().hello(x)
    @classmethod
    def make(cls):
        return "Child:" + super().make()
    def explicit(self):
        return super(Child, self).hello("explicit")
c = Child()
print(c.log, c.hello(1), Child.make(), c.explicit())
