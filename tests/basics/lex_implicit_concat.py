# adjacent string literals join
s = "abc" 'def' """ghi"""
print(s)
t = ("one "
     "two "
     'three')
print(t)
print(b"ab" b'cd')
print("x" r"\n" "y")
n = 3
print("n=" f"{n}" "!")
