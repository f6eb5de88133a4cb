# exceptions carry a traceback object after being raised
try:
    raise ValueError("x")
except ValueError as e:
    print(e.__traceback__ is not None)
e = ValueError("fresh")
print(e.__traceback__ is None)
