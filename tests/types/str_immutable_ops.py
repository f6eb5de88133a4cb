# string operations return new strings and keep the original
s = "base"
t = s.upper()
u = s + "!"
v = s.replace("a", "A")
print(s, t, u, v)
w = s
s += "x"
print(s, w)
print(s[:] == s, s[::-1][::-1] == s)
