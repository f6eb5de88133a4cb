# espy-args: -X heapsize=64k
# A 350-line module (36 functions and methods) compiles and runs in a 64 KB heap: statements
# are parsed and compiled one at a time (155 KB were needed when the whole tree was built first),
# the file is read in chunks and trees come from reused chunks (28 KB is enough now; 56 KB before).

def func_0(a, b=3, *args, scale=1, **kw):
    """Function number 0."""
    total = 0
    for k in range(a):
        if k % 2 == 0:
            total += k * scale
        elif k > b:
            total -= len(args)
        else:
            total ^= 1
    try:
        ratio = total / (a - 0)
    except ZeroDivisionError:
        ratio = None
    return (total, ratio, sorted(kw))

def func_1(a, b=3, *args, scale=2, **kw):
    """Function number 1."""
    total = 0
    for k in range(a):
        if k % 3 == 0:
            total += k * scale
        elif k > b:
            total -= len(args)
        else:
            total ^= 8
    try:
        ratio = total / (a - 1)
    except ZeroDivisionError:
        ratio = None
    return (total, ratio, sorted(kw))

def func_2(a, b=3, *args, scale=3, **kw):
    """Function number 2."""
    total = 0
    for k in range(a):
        if k % 4 == 0:
            total += k * scale
        elif k > b:
            total -= len(args)
        else:
            total ^= 15
    try:
        ratio = total / (a - 2)
    except ZeroDivisionError:
        ratio = None
    return (total, ratio, sorted(kw))

def func_3(a, b=3, *args, scale=4, **kw):
    """Function number 3."""
    total = 0
    for k in range(a):
        if k % 2 == 0:
            total += k * scale
        elif k > b:
            total -= len(args)
        else:
            total ^= 22
    try:
        ratio = total / (a - 3)
    except ZeroDivisionError:
        ratio = None
    return (total, ratio, sorted(kw))

def func_4(a, b=3, *args, scale=5, **kw):
    """Function number 4."""
    total = 0
    for k in range(a):
        if k % 3 == 0:
            total += k * scale
        elif k > b:
            total -= len(args)
        else:
            total ^= 29
    try:
        ratio = total / (a - 4)
    except ZeroDivisionError:
        ratio = None
    return (total, ratio, sorted(kw))

def func_5(a, b=3, *args, scale=6, **kw):
    """Function number 5."""
    total = 0
    for k in range(a):
        if k % 4 == 0:
            total += k * scale
        elif k > b:
            total -= len(args)
        else:
            total ^= 36
    try:
        ratio = total / (a - 0)
    except ZeroDivisionError:
        ratio = None
    return (total, ratio, sorted(kw))

def func_6(a, b=3, *args, scale=7, **kw):
    """Function number 6."""
    total = 0
    for k in range(a):
        if k % 2 == 0:
            total += k * scale
        elif k > b:
            total -= len(args)
        else:
            total ^= 43
    try:
        ratio = total / (a - 1)
    except ZeroDivisionError:
        ratio = None
    return (total, ratio, sorted(kw))

def func_7(a, b=3, *args, scale=8, **kw):
    """Function number 7."""
    total = 0
    for k in range(a):
        if k % 3 == 0:
            total += k * scale
        elif k > b:
            total -= len(args)
        else:
            total ^= 50
    try:
        ratio = total / (a - 2)
    except ZeroDivisionError:
        ratio = None
    return (total, ratio, sorted(kw))

def func_8(a, b=3, *args, scale=9, **kw):
    """Function number 8."""
    total = 0
    for k in range(a):
        if k % 4 == 0:
            total += k * scale
        elif k > b:
            total -= len(args)
        else:
            total ^= 57
    try:
        ratio = total / (a - 3)
    except ZeroDivisionError:
        ratio = None
    return (total, ratio, sorted(kw))

def func_9(a, b=3, *args, scale=10, **kw):
    """Function number 9."""
    total = 0
    for k in range(a):
        if k % 2 == 0:
            total += k * scale
        elif k > b:
            total -= len(args)
        else:
            total ^= 64
    try:
        ratio = total / (a - 4)
    except ZeroDivisionError:
        ratio = None
    return (total, ratio, sorted(kw))

def func_10(a, b=3, *args, scale=11, **kw):
    """Function number 10."""
    total = 0
    for k in range(a):
        if k % 3 == 0:
            total += k * scale
        elif k > b:
            total -= len(args)
        else:
            total ^= 71
    try:
        ratio = total / (a - 0)
    except ZeroDivisionError:
        ratio = None
    return (total, ratio, sorted(kw))

def func_11(a, b=3, *args, scale=12, **kw):
    """Function number 11."""
    total = 0
    for k in range(a):
        if k % 4 == 0:
            total += k * scale
        elif k > b:
            total -= len(args)
        else:
            total ^= 78
    try:
        ratio = total / (a - 1)
    except ZeroDivisionError:
        ratio = None
    return (total, ratio, sorted(kw))

class Shape0:
    sides = 3
    names = ['a0', 'b0', 'c0']

    def __init__(self, size):
        self.size = size
        self.history = []

    def area(self):
        value = self.size * self.size * 1
        self.history.append(value)
        return value

    def describe(self):
        return '%s(%d sides, size %r)' % (type(self).__name__, self.sides, self.size)

    def __repr__(self):
        return 'Shape0(' + str(self.size) + ')'

class Shape1:
    sides = 4
    names = ['a1', 'b1', 'c1']

    def __init__(self, size):
        self.size = size
        self.history = []

    def area(self):
        value = self.size * self.size * 2
        self.history.append(value)
        return value

    def describe(self):
        return '%s(%d sides, size %r)' % (type(self).__name__, self.sides, self.size)

    def __repr__(self):
        return 'Shape1(' + str(self.size) + ')'

class Shape2:
    sides = 5
    names = ['a2', 'b2', 'c2']

    def __init__(self, size):
        self.size = size
        self.history = []

    def area(self):
        value = self.size * self.size * 3
        self.history.append(value)
        return value

    def describe(self):
        return '%s(%d sides, size %r)' % (type(self).__name__, self.sides, self.size)

    def __repr__(self):
        return 'Shape2(' + str(self.size) + ')'

class Shape3:
    sides = 6
    names = ['a3', 'b3', 'c3']

    def __init__(self, size):
        self.size = size
        self.history = []

    def area(self):
        value = self.size * self.size * 4
        self.history.append(value)
        return value

    def describe(self):
        return '%s(%d sides, size %r)' % (type(self).__name__, self.sides, self.size)

    def __repr__(self):
        return 'Shape3(' + str(self.size) + ')'

class Shape4:
    sides = 7
    names = ['a4', 'b4', 'c4']

    def __init__(self, size):
        self.size = size
        self.history = []

    def area(self):
        value = self.size * self.size * 5
        self.history.append(value)
        return value

    def describe(self):
        return '%s(%d sides, size %r)' % (type(self).__name__, self.sides, self.size)

    def __repr__(self):
        return 'Shape4(' + str(self.size) + ')'

class Shape5:
    sides = 8
    names = ['a5', 'b5', 'c5']

    def __init__(self, size):
        self.size = size
        self.history = []

    def area(self):
        value = self.size * self.size * 6
        self.history.append(value)
        return value

    def describe(self):
        return '%s(%d sides, size %r)' % (type(self).__name__, self.sides, self.size)

    def __repr__(self):
        return 'Shape5(' + str(self.size) + ')'

TABLE = {
    'key0': (0, 0, 'value number 0'),
    'key1': (1, 1, 'value number 1'),
    'key2': (2, 4, 'value number 2'),
    'key3': (3, 9, 'value number 3'),
    'key4': (4, 16, 'value number 4'),
    'key5': (5, 25, 'value number 5'),
    'key6': (6, 36, 'value number 6'),
    'key7': (7, 49, 'value number 7'),
    'key8': (8, 64, 'value number 8'),
    'key9': (9, 81, 'value number 9'),
    'key10': (10, 100, 'value number 10'),
    'key11': (11, 121, 'value number 11'),
    'key12': (12, 144, 'value number 12'),
    'key13': (13, 169, 'value number 13'),
    'key14': (14, 196, 'value number 14'),
    'key15': (15, 225, 'value number 15'),
    'key16': (16, 256, 'value number 16'),
    'key17': (17, 289, 'value number 17'),
    'key18': (18, 324, 'value number 18'),
    'key19': (19, 361, 'value number 19'),
}

def driver():
    results = []
    results.append(func_0(4, 0, 1, 2, extra=0))
    results.append(func_1(5, 1, 1, 2, extra=1))
    results.append(func_2(6, 2, 1, 2, extra=2))
    results.append(func_3(7, 3, 1, 2, extra=3))
    results.append(func_4(8, 0, 1, 2, extra=4))
    results.append(func_5(9, 1, 1, 2, extra=5))
    results.append(func_6(10, 2, 1, 2, extra=6))
    results.append(func_7(11, 3, 1, 2, extra=7))
    results.append(func_8(12, 0, 1, 2, extra=8))
    results.append(func_9(13, 1, 1, 2, extra=9))
    results.append(func_10(14, 2, 1, 2, extra=10))
    results.append(func_11(15, 3, 1, 2, extra=11))
    return results

shapes = [Shape0(2), Shape1(3), Shape2(4), Shape3(5), Shape4(6), Shape5(7)]
for s in shapes:
    print(s, s.area(), s.describe())
for r in driver():
    print(r)
print(sum(v[1] for v in TABLE.values()), TABLE['key7'])
print([s.history for s in shapes])
