# methods see module globals, not class attributes by bare name
value = "module"
class C:
    value = "class"
    def get(self):
        return value
    def get_cls(self):
        return self.value, C.value, type(self).value
print(C().get(), C().get_cls())
