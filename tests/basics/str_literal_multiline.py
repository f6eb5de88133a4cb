# multi-line literals and their exact content
s = """line1
  line2
line3"""
print(repr(s))
t = '''\
no leading newline'''
print(repr(t))
u = ("a"
     "b"  # comment between parts
     "c")
print(u)
v = """embedded "quotes" and 'apostrophes' """
print(v)
print(len("""
"""))
