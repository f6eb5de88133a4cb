# uncaught user exception with a class hierarchy
class Base(Exception):
    pass
class Specific(Base):
    pass
try:
    raise Specific("handled")
except Base as e:
    print("handled", e.args)
raise Specific("unhandled")
