# Wrong uses of built-in types and functions raise the same exception types as CPython.
cases = [
    "1 + 'a'", "'a' + 1", "[] + ()", "() + []", "{} + {}", "1 - 'a'", "'a' * 'b'", "'a' * 1.5", "[1] * 1.5",
    "b'a' + 'a'", "'a' + b'a'", "bytearray(b'a') + 'a'", "1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "1.0 // 0.0",
    "divmod(1, 0)", "divmod(1.0, 0.0)", "2 ** -1 % 0", "pow(2, -1, 5) if False else pow(2, 3, 0)", "pow(2.0, 3, 5)",
    "pow(2, 0.5, 3)", "(-8) ** 0.5 and None", "0.0 ** -1", "int('x')", "int('1', 1)", "int('1', 37)", "int(1, 10)",
    "int(None)", "int([])", "float('x')", "float([])", "complex('x')", "complex(1, 'a')", "int(float('inf'))",
    "int(float('nan'))", "round(float('inf'))", "round(1.5, 'a')", "chr(-1)", "chr(0x110000)", "chr('a')",
    "ord('ab')", "ord('')", "ord(1)", "abs('a')", "len(1)", "len(None)", "hash([])", "hash({})", "hash(set())",
    "iter(1)", "next([])", "next(iter([]))", "list(1)", "tuple(1)", "dict(1)", "dict([1])", "dict([(1, 2, 3)])",
    "set(1)", "frozenset(1)", "sorted(1)", "sorted([1, 'a'])", "min([])", "max([])", "min(1)", "max()",
    "sum(['a', 'b'])", "sum([[1]], 1)", "range(1.5)", "range('a')", "range(1, 2, 0)", "range(3)[5]",
    "range(3)['a']", "[1][5]", "[1][str(1)]", "(1,)[5]", "'a'[5]", "'a'[str(1)]", "b'a'[5]", "{}[1]", "{}[[]]",
    "[].pop()", "[1].pop(5)", "{}.pop(1)", "set().pop()", "set().remove(1)", "[].remove(1)", "[].index(1)",
    "(1,).index(2)", "'abc'.index('d')", "'abc'.rindex('d')", "b'abc'.index(b'd')", "{}.popitem()",
    "'a'.join([1])", "','.join(1)", "'a'.split('')", "'a'.replace(1, 2)", "'a'.startswith(1)", "'a'.encode('nope')",
    "b'a'.decode('nope')", "'%d' % 'a'", "'%s %s' % (1,)", "'%s' % (1, 2)", "'%z' % 1", "'%(a)s' % 1",
    "'{}'.format()", "'{0} {}'.format(1, 2)", "'{a}'.format()", "'{:d}'.format('a')", "'{:x}'.format(1.5)",
    "format(1, 'z')", "format('a', 'd')", "'{'.format(1)", "'}'.format(1)", "'{0[1]}'.format([1])",
    "'{0.x}'.format(1)", "f'{1:z}'", "getattr(1, 'x')", "setattr(1, 'x', 2)", "delattr(1, 'x')", "object().x",
    "object().x = 1", "None.x", "(1).real = 2", "[].append()", "[].append(1, 2)", "[].sort(1)", "[].sort(key=1)",
    "[3, 1].sort(key=1)", "list.append(1, 2)", "str.upper(1)", "'a'.upper(1)", "isinstance(1, 1)",
    "issubclass(1, int)", "issubclass(int, 1)", "type(1, 2)", "type('a', 1, {})", "super()", "bytes('a')",
    "bytes(-1)", "bytes([256])", "bytes([-1])", "bytes(['a'])", "bytearray(-1)", "bytearray([300])",
    "bytearray(b'a')[0] = 300", "bytearray(b'a')[0] = 'a'", "bytes.fromhex('zz')", "bytes.fromhex(1)",
    "memoryview(1)", "memoryview('a')", "memoryview(b'a')[0] = 1", "memoryview(bytearray(b'ab'))[0:1] = b'xyz'",
    "int.from_bytes('a', 'big')", "(1).to_bytes(1, 'middle')", "(256).to_bytes(1, 'big')", "(-1).to_bytes(1, 'big')",
    "(1).bit_length(1)", "1 < 'a'", "'a' < 1", "[] < ()", "None < None", "{} < {}", "1j < 2j", "1 << -1",
    "1 >> -1", "1 << 'a'", "~1.5", "-'a'", "+[]", "not_defined", "1 in 1", "'a' in 1", "1 in 'a'", "[] in {}",
    "[] in set()", "{[]: 1}", "{[]}", "(lambda x: x)()", "(lambda x: x)(1, 2)", "(lambda: 0)(x=1)",
    "(lambda x: x)(1, x=2)", "print(sep=1)", "print(end=1)", "enumerate(1)", "zip(1)", "map(1, [1]).__next__()",
    "list(filter(1, [1]))", "reversed(1)", "reversed({})", "slice(1, 2, 0).indices(5)", "[1, 2][::0]",
    "[1][1:2:0]", "'ab'[::0]", "[1, 2, 3][::2] = [1]", "del [1][5]", "callable()", "dir(1, 2)", "id()",
    "vars(1)", "globals(1)", "input(1, 2)", "compile('x', 'f', 'nope')", "eval(1)", "exec(1)", "eval('1 +')",
    "exec('def')", "open(1.5)", "open('x', 'nope')", "ValueError.x",
    "raise 1", "raise ValueError from 1", "assert False", "assert 0, 'msg'", "import nosuchmodule",
    "from sys import nosuchname", "x, y = 1", "x, y = [1]", "x, y = [1, 2, 3]", "x, *y, z = [1]",
    "(yield)", "del undefined_name", "1 .x", "'a'.x", "[].x", "int.x", "set([1]) | [1]", "{1} - [1]",
    "{'a': 1} | [1]", "frozenset().add(1)", "().append(1)", "'a'.append", "iter([]).x", "divmod('a', 1)",
    "complex(1) % 1", "complex(1) // 1", "abs(None)", "round('a')", "1.5.hex(1)", 
    "(1.5).as_integer_ratio(1)", "float('inf').as_integer_ratio()",
    "float('nan').as_integer_ratio()", "(0.0).is_integer(1)", "bin(1.5)", "hex('a')", "oct([])",
]
for src in cases:
    try:
        try:
            v = eval(src)
        except SyntaxError:
            exec(src)
        print('ok', src)
    except Exception as e:
        print(type(e).__name__, '|', src)
