# __getattr__, __setattr__, __delattr__
class Dyn:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        return "dyn_" + name
    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
d = Dyn()
print(d.anything)
d.real = 1
print(d.real)
del d.real
print(d.real)
print(d.log)
