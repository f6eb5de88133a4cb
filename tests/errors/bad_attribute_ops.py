# attribute operations on built-in objects that do not allow them
for obj in (1, "s", [], (), {}, None, 1.5, len):
    try:
        obj.new_attr = 1
        print("no error")
    except AttributeError:
        print("AttributeError")
try:
    del (1).real
except (AttributeError, TypeError):
    print("error del")
try:
    getattr(object(), "missing")
except AttributeError:
    print("AttributeError getattr")
print(getattr(object(), "missing", "default"))
