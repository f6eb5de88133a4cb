# newlines inside brackets are ignored
t = (1,
2,
     3)
d = {
    "a": 1,

    "b": 2,
}
l = [
  x
  for x in range(3)
]
print(t, d, l)
print(max(1,
          9,
   4))
