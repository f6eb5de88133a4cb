# global inside nested functions and comprehensions
g = 1
def outer():
    g = "local"
    def inner():
        global g
        g = 2
    inner()
    return g
print(outer(), g)
def comp():
    global g
    g = [g for _ in range(2)]
comp()
print(g)
