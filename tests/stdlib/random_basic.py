# random: the generator differs from CPython's, so only properties are printed
import random

random.seed(42)
a = [random.random() for _ in range(5)]
random.seed(42)
b = [random.random() for _ in range(5)]
print(a == b, all(0.0 <= x < 1.0 for x in a))
random.seed(1)
c = [random.random() for _ in range(5)]
print(a != c)
random.seed()
print(all(0 <= random.getrandbits(8) < 256 for _ in range(200)))
print(random.getrandbits(0), all(0 <= random.getrandbits(100) < 2**100 for _ in range(20)))
print(all(0 <= random.randrange(10) < 10 for _ in range(200)))
print(all(5 <= random.randrange(5, 10) < 10 for _ in range(200)))
print(all(random.randrange(0, 100, 7) % 7 == 0 for _ in range(200)))
print(all(random.randrange(10, 0, -3) in (10, 7, 4, 1) for _ in range(200)))
print(all(1 <= random.randint(1, 6) <= 6 for _ in range(200)), sorted(set(random.randint(1, 3) for _ in range(300))))
print(all(2**70 <= random.randint(2**70, 2**71) <= 2**71 for _ in range(20)))
print(all(random.choice("abc") in "abc" for _ in range(50)), random.choice([7]))
print(all(1.5 <= random.uniform(1.5, 2.5) <= 2.5 for _ in range(100)))
l = list(range(20))
random.shuffle(l)
print(sorted(l) == list(range(20)))
random.seed("text")
x = random.random()
random.seed("text")
print(x == random.random())
for f, args in ((random.randrange, (0,)), (random.randrange, (5, 5)), (random.randrange, (1, 10, 0)),
                (random.randint, (5, 1)), (random.choice, ([],)), (random.getrandbits, (-1,)), (random.randrange, (1.5,))):
    try:
        f(*args)
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
