# an exception handled earlier does not affect a later uncaught one
try:
    raise ValueError
except ValueError:
    print("handled")
print("still running")
raise RuntimeError("final")
