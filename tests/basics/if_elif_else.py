# if / elif / else chains
def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
for n in (-5, 0, 3, 50):
    print(classify(n))
if []:
    print("no")
elif {}:
    print("no")
else:
    print("empty containers are false")
if 0.0 or "" or None:
    print("no")
else:
    print("falsy")
