#!/usr/bin/env python3
"""fuzz.py: deterministic fuzzer for espy's core (lexer, parser, compiler, VM, types, modules).

Every case is a small Python program made from a fixed seed and the case number, run by
espy (by default the AddressSanitizer/UBSan build, build/asan/espy) in a scratch folder:
  src   a test from tests/ with its text mutated: flipped bytes, deleted or doubled tokens,
        truncation, deep nesting, huge literals, odd Unicode and invalid UTF-8, spliced lines;
  api   calls of builtins, module functions and methods with wrong types and edge values;
  deep  nesting and recursion: deep source, deep data given to repr/==/hash/json/re, ...
Some cases run with a small heap (-X heapsize=16k or 64k).
A case fails when espy is killed by a signal, reports a sanitizer error or FATAL, exits
with an unexpected status, or neither finishes nor answers Ctrl-C (SIGINT) in time.
Each distinct failure is kept once, shrunk (lines, then characters), in the output folder.
The same seed and case range give the same cases on every machine.

Usage: tools/fuzz.py [--espy build/asan/espy] [--cases N] [--first K] [--seed S] [-j 2]
                     [--timeout T] [--kinds src,api,deep] [--out DIR] [--no-shrink] [-v]
       tools/fuzz.py --case K [--seed S] --print     show one case's program
       tools/fuzz.py --shrink FILE [--espy ...]     shrink a failing program found earlier
The last line printed is `N passed, M failed` (M = distinct failures); exit status 1 if M > 0.
"""

import argparse
import concurrent.futures
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS_DIR = os.path.join(REPO_ROOT, "tests")
# Folders whose tests need a board, the network or drivers: not core input.
SKIP_DIRS = {"esp8266", "net", "webrepl", "unit", "_drivers", "__pycache__"}
# Tests that touch the filesystem outside their folder or the network are left out, since
# a mutated one may do anything its words allow.
RISKY_WORDS = re.compile(r"socket|remove|rmdir|rename|unlink|mount|chdir|mkdir|webrepl|dupterm|"
                         r"subprocess|system|heap_lock|kbd_intr")
SANITIZER_RE = re.compile(r"ERROR: AddressSanitizer|runtime error:|UndefinedBehaviorSanitizer|"
                          r"ERROR: LeakSanitizer|AddressSanitizer:DEADLYSIGNAL")
FRAME_RE = re.compile(r"#\d+ 0x[0-9a-f]+ in (\w+) ")
UBSAN_RE = re.compile(r"(\S+\.c):\d+:\d+: runtime error: ([^0-9'\"]*)")
ASAN_KIND_RE = re.compile(r"ERROR: AddressSanitizer: ([\w-]+)")
ENV = dict(os.environ, ASAN_OPTIONS="detect_leaks=0:detect_stack_use_after_return=0:"
           "abort_on_error=0:symbolize=1", UBSAN_OPTIONS="print_stacktrace=1")
ENV.pop("MICROPYPATH", None)


# ---------------------------------------------------------------- corpus and mutations

def load_corpus():
    texts = []
    for dirpath, dirnames, filenames in os.walk(TESTS_DIR):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            if not name.endswith(".py"):
                continue
            with open(os.path.join(dirpath, name), "rb") as f:
                data = f.read()
            if len(data) > 20000 or RISKY_WORDS.search(data.decode("utf-8", "replace")):
                continue
            texts.append(data)
    return texts


TOKEN_RE = re.compile(rb"[A-Za-z_][A-Za-z_0-9]*|[0-9][0-9a-fA-FxXoObBjJeE_.]*|'[^'\n]*'|\"[^\"\n]*\"|"
                      rb"\s+|.", re.S)
ODD_TEXT = [
    "\u00e9", "\u200b", "\ufeff", "\u0301", "\U0001f600", "\u2028", "\uffff", "\U0010ffff",
    "\x00", "\x0c", "\r", "\t", "\x1b", "\x7f", "\\", "\\N{", "\\x", "\\u12", "\\U0011ffff",
    "'''", '"""', "#", "\\\n", "\n\t", "  ", "\n    ", "\n\n", "f'{", "}'", "{", "}", "{{", "}}",
    "b'", "rb'", "f'{x!r:>{y}}'", "f\"{'", "0x", "0b", "1e", "1_", "1j", "...", ":=", "->", "**",
    "*", "@", "lambda", "yield", "await", "async", "global", "nonlocal", "del", "return",
    "class", "def", "import", "from", "as", "with", "try:", "except", "finally", "raise", "if",
    "else", "elif", "while", "for", "in", "not", "is", "pass", "break", "continue", "None",
]
ODD_BYTES = [b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\x80",
             b"\xf0\x9f", b"\xfe\xff", b"\xef\xbb\xbf"]
NEST_OPEN_CLOSE = [("(", ")"), ("[", "]"), ("{", "}"), ("-", ""), ("not ", ""), ("~", ""),
                   ("lambda: ", ""), ("[*", "]"), ("f'{", "}'"), ("(1, ", ")"), ("x[", "]"),
                   ("1 if 1 else ", ""), ("await ", ""), ("yield ", ""), ("*", ""), ("{**", "}"),
                   ("(yield ", ")"), ("a.b(", ")"), ("1 + ", ""), ("1 ** ", "")]
DEPTHS = [20, 60, 100, 200, 500, 1000, 5000, 30000]


def huge_literal(rng):
    n = rng.choice([40, 400, 4000, 40000])
    return rng.choice([
        lambda: "9" * n, lambda: "0x" + "f" * n, lambda: "0b" + "1" * n, lambda: "1" + "_0" * n,
        lambda: "1e" + "9" * min(n, 400), lambda: "1." + "5" * n, lambda: "'" + "a" * n + "'",
        lambda: "b'" + "\\xff" * (n // 4) + "'", lambda: "'" + "\\u00e9" * (n // 4) + "'",
        lambda: "0." + "0" * n + "1", lambda: "9" * n + "j", lambda: "x" * n,
        lambda: "'" + "{" * 10 + "'", lambda: "'%" + "*" * 10 + "d'",
    ])()


def nesting(rng):
    opening, closing = rng.choice(NEST_OPEN_CLOSE)
    depth = rng.choice(DEPTHS)
    return opening * depth + "1" + closing * depth


def deep_block(rng):
    depth = rng.choice([10, 50, 100, 200, 1000])
    head = rng.choice(["if 1:", "while 0:", "for x in ():", "def f():", "class C:", "try:",
                       "with a:", "async def g():", "else:"])
    lines = [" " * i + head for i in range(depth)]
    lines.append(" " * depth + "pass")
    if head == "try:":
        lines += [" " * i + "finally: pass" for i in reversed(range(depth))]
    return "\n".join(lines)


def mutate_once(rng, data, corpus):
    choice = rng.randrange(13)
    size = len(data)
    pos = rng.randrange(size + 1)
    if choice == 0:  # flip bytes
        out = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            if out:
                out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if choice in (1, 2, 3):  # delete, double or move tokens
        tokens = TOKEN_RE.findall(data)
        if not tokens:
            return data
        i = rng.randrange(len(tokens))
        n = rng.randint(1, 3)
        if choice == 1:
            del tokens[i:i + n]
        elif choice == 2:
            tokens[i:i] = tokens[i:i + n] * rng.randint(1, 3)
        else:
            span = tokens[i:i + n]
            del tokens[i:i + n]
            j = rng.randrange(len(tokens) + 1)
            tokens[j:j] = span
        return b"".join(tokens)
    if choice == 4:  # truncate
        return data[:pos]
    if choice == 5:  # deep nesting as an expression statement or inside an expression
        text = nesting(rng).encode()
        if rng.random() < 0.5:
            return data[:pos] + text + data[pos:]
        return data + b"\nx = " + text + b"\n"
    if choice == 6:  # huge literal in place of a token
        tokens = TOKEN_RE.findall(data)
        if not tokens:
            return data
        i = rng.randrange(len(tokens))
        tokens[i] = huge_literal(rng).encode()
        return b"".join(tokens)
    if choice == 7:  # odd text
        return data[:pos] + rng.choice(ODD_TEXT).encode("utf-8") + data[pos:]
    if choice == 8:  # invalid UTF-8
        return data[:pos] + rng.choice(ODD_BYTES) + data[pos:]
    lines = data.split(b"\n")
    if choice == 9:  # splice lines of another test
        other = rng.choice(corpus).split(b"\n")
        i = rng.randrange(len(other))
        j = rng.randrange(len(lines) + 1)
        lines[j:j] = other[i:i + rng.randint(1, 6)]
        return b"\n".join(lines)
    if choice == 10:  # change a line's indent
        i = rng.randrange(len(lines))
        stripped = lines[i].lstrip()
        lines[i] = b" " * rng.choice([0, 1, 2, 3, 4, 8, 100]) + rng.choice([b"", b"\t"]) + stripped
        return b"\n".join(lines)
    if choice == 11:  # a deeply nested block
        j = rng.randrange(len(lines) + 1)
        lines[j:j] = [deep_block(rng).encode()]
        return b"\n".join(lines)
    # choice 12: duplicate a run of lines
    i = rng.randrange(len(lines))
    lines[i:i] = lines[i:i + rng.randint(1, 5)] * rng.randint(1, 3)
    return b"\n".join(lines)


def make_src_case(rng, corpus):
    data = rng.choice(corpus)
    for _ in range(rng.choice([1, 1, 2, 3])):
        data = mutate_once(rng, data, corpus)
    return data


# ---------------------------------------------------------------- calls with odd arguments

VALUES = [
    "None", "True", "False", "0", "1", "-1", "2", "7", "8", "255", "256", "-256", "65535",
    "2**31-1", "2**31", "-2**31", "2**32", "2**63-1", "2**63", "-2**63", "2**64", "10**30",
    "-10**30", "0.0", "-0.0", "1.5", "-2.5", "1e308", "-1e308", "5e-324", "float('nan')",
    "float('inf')", "float('-inf')", "1j", "complex(1e308, -1e308)", "''", "'a'", "'abc'",
    "'\\x00'", "'\\u00e9'", "'\\U0001f600'", "'a' * 300", "'%s%d%(x)s%*.*f'", "'{}{0}{x}{:>{}}'",
    "'{'", "'}'", "'%'", "'('", "'[a-'", "'(a*)*b'", "'\\\\'", "'i'", "'<Q'", "'>hhl'", "'5s'",
    "'@P'", "'0s'", "'x'", "'!'", "'q'", "'B'", "'utf-8'", "'w'", "'r'", "'rb'", "'1'",
    "'-0x1_0'", "' 12 '", "'1e500'", "'nan'", "'[1, {\"a\": [2]}]'", "'\"\\\\ud800\"'",
    "b''", "b'\\x00'", "b'\\xff' * 8", "b'abc' * 100", "b'x\\x9c\\x03\\x00'", "b'\\x1f\\x8b'",
    "bytearray(b'xyz')", "bytearray(100)", "bytearray()", "memoryview(b'abcd')",
    "memoryview(bytearray(8))", "memoryview(b'abcdef')[1:3]", "[]", "[1, 2, 3]", "[None] * 3",
    "[[1], [2]]", "['a', 'b']", "()", "(1,)", "(1, 'a')", "(0, 0, 0, 0)", "{}", "{1: 2}",
    "{'a': 1}", "set()", "{1, 2}", "frozenset({1})", "range(0)", "range(10)",
    "range(-5, 5, -2)", "range(2**40, 2**41, 2**38)", "slice(None)", "slice(1, -1, 2)", "slice(0, 0, 0)",
    "slice(2**63, -2**63)", "object()", "int", "str", "bytes", "type", "object", "Exception",
    "ValueError('x')", "lambda *a, **k: 0", "lambda: None", "print", "len", "iter([1, 2])",
    "(x for x in 'ab')", "Ellipsis", "NotImplemented", "array.array('i', [1, 2])",
    "array.array('b')", "array.array('d', [1.5])", "io.BytesIO(b'abc')", "io.StringIO('x\\ny')",
    "Odd()", "Odd", "sys.stdout", "{1: [2, (3,)]}", "[1.5, 'x', None]", "-1.0", "0.5",
]
ODD_CLASS = """
class Odd:
    def __index__(self): return -1
    def __int__(self): return 2**70
    def __float__(self): return 1.5
    def __len__(self): return -5
    def __iter__(self): return self
    def __next__(self): raise ValueError('odd')
    def __hash__(self): return 2**80
    def __eq__(self, other): raise TypeError('odd eq')
    def __lt__(self, other): return NotImplemented
    def __repr__(self): return 42
    def __str__(self): raise KeyError('odd')
    def __getitem__(self, i): raise IndexError(i)
    def __bool__(self): return 2
    def __call__(self, *a): return self
    def __buffer__(self, flags): return memoryview(b'ab')
"""
MODULES = ["math", "cmath", "struct", "binascii", "hashlib", "random", "heapq", "collections",
           "array", "json", "re", "io", "deflate", "framebuf", "errno", "sys", "gc",
           "micropython", "time", "builtins"]
# Names whose calls block, end the process or change the world outside the scratch folder.
SKIP_NAMES = {"input", "sleep", "sleep_ms", "sleep_us", "exit", "heap_lock", "kbd_intr",
              "atexit", "help", "dupterm", "remove", "rmdir", "rename", "unlink", "mount",
              "umount", "chdir", "mkdir", "schedule", "__import__", "stdin", "__del__",
              "__init_subclass__", "setattr", "delattr", "mem_info", "qstr_info"}
# Objects whose methods are called with odd arguments (built in the program's prelude).
OBJECTS = {
    "s": "'abc\\u00e9'", "b": "b'ab\\x00c'", "ba": "bytearray(b'abcdef')", "l": "[3, 1, 2]",
    "t": "(1, 2)", "d": "{'a': 1, 2: 'b'}", "st": "{1, 2}", "fs": "frozenset('ab')",
    "i": "12345678901234567890", "f": "1.5", "c": "1+2j", "r": "range(1, 9, 2)",
    "mv": "memoryview(bytearray(16))", "bio": "io.BytesIO(b'hello\\nworld')",
    "sio": "io.StringIO('a\\nb')", "arr": "array.array('h', [1, -2, 3])",
    "dq": "collections.deque((1, 2), 4)", "od": "collections.OrderedDict(a=1)",
    "dd": "collections.defaultdict(list)", "h": "hashlib.sha256(b'x')",
    "rx": "re.compile('(a)(b)?')", "m": "re.match('(a)(b)?', 'ab')",
    "fb": "framebuf.FrameBuffer(bytearray(64), 16, 4, framebuf.MONO_HLSB)",
    "fb2": "framebuf.FrameBuffer(bytearray(128), 8, 8, framebuf.RGB565)",
    "dz": "deflate.DeflateIO(io.BytesIO(b'x\\x9c\\x03\\x00\\x00\\x00\\x00\\x01'), deflate.ZLIB)",
    "dw": "deflate.DeflateIO(io.BytesIO(), deflate.GZIP, 8)",
    "sl": "slice(1, 5, 2)", "ex": "ValueError('a', 2)", "g": "(x for x in range(3))",
    "e": "enumerate('ab')", "z": "zip('ab', [1])", "mp": "map(abs, [-1])", "o": "Odd()",
}


def discover_names(espy):
    """The callables to try: dir() of each module and object, asked of espy itself."""
    program = "import " + ", ".join(MODULES) + "\n" + ODD_CLASS
    program += "names = {}\n"
    for name in MODULES:
        program += "names[%r] = dir(%s)\n" % (name, name)
    for name, expr in OBJECTS.items():
        program += "try:\n    names[%r] = dir(%s)\nexcept Exception:\n    names[%r] = []\n" % (
            name, expr, name)
    program += "for k in names:\n    print(k, ' '.join(sorted(names[k])))\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "names.py")
        with open(path, "w") as f:
            f.write(program)
        out = subprocess.run([espy, path], capture_output=True, text=True, cwd=tmp, env=ENV,
                             timeout=60).stdout
    names = {}
    for line in out.splitlines():
        key, _, rest = line.partition(" ")
        names[key] = [n for n in rest.split() if n not in SKIP_NAMES and
                      (not n.startswith("__") or n in ("__getitem__", "__setitem__",
                                                       "__contains__", "__init__", "__new__",
                                                       "__iter__", "__next__", "__enter__",
                                                       "__exit__", "__len__"))]
    return names


API_PRELUDE = ("import " + ", ".join(MODULES) + "\n" + ODD_CLASS + """
def fuzz_call(n, call):
    try:
        r = call()
        repr(r)
        if hasattr(r, '__next__'):
            for _ in zip(range(3), r):
                pass
    except Exception as e:
        print(n, type(e).__name__)
    else:
        print(n, 'ok')
""")


def make_api_case(rng, names):
    lines = [API_PRELUDE]
    owners = sorted(names)
    used_objects = set()
    calls = []
    for n in range(rng.choice([10, 30, 60])):
        owner = rng.choice(owners)
        if not names[owner]:
            continue
        attr = rng.choice(names[owner])
        if owner in OBJECTS:
            used_objects.add(owner)
        target = "%s.%s" % (owner, attr)
        args = [rng.choice(VALUES) for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4]))]
        if rng.random() < 0.15:
            args.append("%s=%s" % (rng.choice(["key", "sep", "end", "default", "base",
                                               "reverse", "start", "flags", "x"]),
                                   rng.choice(VALUES)))
        if rng.random() < 0.1:
            args.append("*" + rng.choice(["[]", "[1, 2]", "'ab'", "Odd()", "range(3)"]))
        calls.append("fuzz_call(%d, lambda: %s(%s))" % (n, target, ", ".join(args)))
    for name in sorted(used_objects):
        lines.append("try:\n    %s = %s\nexcept Exception:\n    %s = None" % (
            name, OBJECTS[name], name))
    lines += calls
    return ("\n".join(lines) + "\n").encode()


# ---------------------------------------------------------------- deep nesting and recursion

DEEP_RUNTIME = [
    # Deep data handed to C code that walks it.
    "a = []\nfor _ in range({n}):\n    a = [a]\n{op}",
    "a = ()\nfor _ in range({n}):\n    a = (a,)\n{op}",
    "a = {{}}\nfor _ in range({n}):\n    a = {{'k': a}}\n{op}",
    "a = []\nfor _ in range({n}):\n    a = [a, 1]\n{op}",
    "a = []\nfor _ in range({n}):\n    a = iter([a])\n{op}",
    "a = frozenset()\nfor _ in range({n}):\n    a = frozenset([a])\n{op}",
]
DEEP_OPS = ["repr(a)", "str(a)", "print(a)", "a == a", "a == [a]", "hash(a)", "json.dumps(a)",
            "sorted([a, a])", "a in [a]", "len(str(a))", "'%s' % (a,)", "'{}'.format(a)",
            "f'{a}'", "[a].index(a)", "{a: 1}", "set([a])", "list(a)", "max([a, a])",
            "bool(a)", "a < a", "[a].count(a)", "b = a.copy() if hasattr(a, 'copy') else a"]
DEEP_PROGRAMS = [
    "json.loads('[' * {n} + ']' * {n})", "json.loads('{{\"a\":' * {n} + '1' + '}}' * {n})",
    "json.loads('[' * {n})", "re.compile('(' * {n} + 'a' + ')' * {n})",
    "re.match('(a|b)*c', 'ab' * {n})", "re.match('(a*)*b', 'a' * 20)",
    "re.match('(?:a+)+$', 'a' * {n})", "re.sub('(a)', lambda m: m.group(1) * 2, 'a' * {n})",
    "re.compile('a' * {n} + '[' )", "re.match('(a?)' * 16 + 'a' * 16, 'a' * 16)",
    "eval('(' * {n} + '1' + ')' * {n})", "eval('-' * {n} + '1')", "eval('not ' * {n} + '1')",
    "exec('x = ' + '[' * {n} + ']' * {n})", "compile('1+' * {n} + '1', 'f', 'eval')",
    "eval('+'.join(['1'] * {n}))", "eval('lambda: ' * {n} + '1')",
    "exec('if 1:\\n' + ''.join(' ' * i + 'if 1:\\n' for i in range(1, {n})) + ' ' * {n} + 'pass')",
    "exec('def f():\\n' * 1 + '    return f()\\nf()')",
    "struct.pack('{n}i', *range({n}))", "struct.unpack('{n}s', b'a')", "struct.calcsize('{n}q')",
    "'%{n}d' % 1", "'{{:{n}}}'.format(1)", "format(1.5, '.{n}f')", "format(2, '0{n}')",
    "f'{{1:{{2}}{{3}}}}'", "'{{' * {n}", "str(2 ** {n})", "int('9' * {n})",
    "float('1' * {n})", "complex('1' * {n} + 'j')", "binascii.unhexlify('0' * {n})",
    "binascii.a2b_base64('A' * {n} + '=')", "bytes({n}) * {n}", "'a' * {n} * {n}",
    "[0] * {n} * {n}", "bytearray({n}).center({n})" if False else "'x'.center({n})",
    "sorted(range({n}), key=lambda v: -v)", "sum(range({n}))",
    "deflate.DeflateIO(io.BytesIO(bytes({n}))).read()",
    "deflate.DeflateIO(io.BytesIO(b'\\xff' * {n}), deflate.RAW).read()",
    "int.from_bytes(b'\\xff' * {n}, 'big')", "(2 ** {n}).to_bytes({n}, 'little')",
    "hash(2 ** {n})", "divmod(2 ** {n}, 3 ** 50)", "pow(3, {n}, 2 ** 521 - 1)",
    "math.factorial(min({n}, 2000))", "round(1.5, {n})", "round(2 ** {n}, -{n})",
    "(1 << {n}) >> ({n} - 1)", "-(1 << {n}) // 7", "str(-(10 ** {n}) // 3)",
]
RECURSIVE_CLASSES = [
    "class A:\n    def __repr__(self): return repr(self)\nrepr(A())",
    "class A:\n    def __eq__(self, o): return self == o\nA() == A()",
    "class A:\n    def __hash__(self): return hash(self)\nhash(A())",
    "class A:\n    def __getattr__(self, n): return getattr(self, n)\nA().x",
    "class A:\n    def __len__(self): return len(self)\nlen(A())",
    "class A:\n    def __iter__(self): return iter(self)\niter(A())",
    "class A:\n    def __index__(self): return [0][self]\n[0][A()]",
    "class A:\n    def __bool__(self): return not self\nbool(A())",
    "class A:\n    def __call__(self): return self()\nA()()",
    "class A:\n    def __str__(self): return '%s' % self\nstr(A())",
    "class A:\n    def __format__(self, s): return format(self, s)\nformat(A(), '')",
    "class A:\n    def __lt__(self, o): return sorted([self, o])\nsorted([A(), A()])",
    "class A:\n    def __getitem__(self, i): return self[i]\nA()[0]",
    "class A:\n    def __contains__(self, x): return x in self\n1 in A()",
    "class A:\n    def __init__(self): A()\nA()",
    "class A:\n    @property\n    def p(self): return self.p\nA().p",
    "class A:\n    def __del__(self): A()\nfor _ in range(100): A()\nimport gc; gc.collect()",
    "def g():\n    yield from g()\nlist(g())",
    "def g():\n    for x in g(): yield x\nnext(g())",
    "def f(): return f()\nf()",
    "def f(): return f(*[1] * 0)\nf()",
    "def f(x=[]): return [f(x) for _ in x or [1]]\nf()",
    "f = lambda: (lambda: f())()\nf()",
    "def f():\n    try:\n        f()\n    finally:\n        f()\nf()" if False else
    "def f(n):\n    try:\n        return f(n + 1)\n    finally:\n        pass\nf(0)",
    "class M(type):\n    def __call__(c): return c()\nclass A(metaclass=M): pass\nA()",
    "def f():\n    return eval('f()')\nf()",
    "def f():\n    exec('f()')\nf()",
    "import json\nclass A:\n    def __iter__(self): return iter([self])\nlist(A())",
    "d = {}\nd['d'] = d\nrepr(d)\njson.dumps(d)",
    "l = []\nl.append(l)\nrepr(l)\nl == l\nsorted([l, l])\njson.dumps(l)",
    "class A(Exception):\n    def __str__(self): return str(self)\nraise A()",
    "class A(Exception):\n    def __repr__(self): return repr(self)\nprint(repr(A()))",
    "e = ValueError()\ne.__context__ = e\nraise e",
    "e1 = ValueError(); e2 = TypeError()\ne1.__cause__ = e2; e2.__cause__ = e1\nraise e1",
    "def f():\n    try:\n        raise ValueError\n    except ValueError as e:\n        try:\n            f()\n        except RecursionError:\n            raise e\nf()",
]


def make_deep_case(rng):
    n = rng.choice([10, 100, 1000, 10000, 100000])
    pick = rng.randrange(4)
    if pick == 0:
        body = rng.choice(DEEP_RUNTIME).format(n=n, op=rng.choice(DEEP_OPS))
    elif pick == 1:
        body = rng.choice(DEEP_PROGRAMS).format(n=n)
    elif pick == 2:
        body = rng.choice(RECURSIVE_CLASSES)
    else:
        body = "x = " + nesting(rng) if rng.random() < 0.6 else deep_block(rng)
    if rng.random() < 0.5:
        # Inside try, the program goes on after the error: a later crash would show then.
        body = "try:\n" + "\n".join("    " + line for line in body.split("\n")) + \
               "\nexcept Exception as e:\n    print(type(e).__name__)\nprint([1] * 3, {1: 2})"
    return ("import json, re, struct, binascii, deflate, io, math, gc\n" + body + "\n").encode()


# ---------------------------------------------------------------- running a case

KINDS = ("src", "api", "deep")


def make_case(seed, number, corpus, names, kinds):
    rng = random.Random("%d:%d" % (seed, number))
    kind = kinds[rng.randrange(len(kinds))]
    if kind == "src":
        program = make_src_case(rng, corpus)
    elif kind == "api":
        program = make_api_case(rng, names)
    else:
        program = make_deep_case(rng)
    args = []
    roll = rng.random()
    if roll < 0.12:
        args = ["-X", "heapsize=16k"]
    elif roll < 0.25:
        args = ["-X", "heapsize=64k"]
    return kind, args, program


def run_program(espy, args, program, timeout):
    """Runs one program; returns (signature or None, details)."""
    tmp = tempfile.mkdtemp(prefix="espy-fuzz-")
    try:
        path = os.path.join(tmp, "case.py")
        with open(path, "wb") as f:
            f.write(program)
        cmd = ["nice", "-n", "10", espy] + args + ["case.py"]
        proc = subprocess.Popen(cmd, cwd=tmp, env=ENV, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            # A Python loop answers Ctrl-C; a stuck C loop does not.
            proc.send_signal(signal.SIGINT)
            try:
                out, err = proc.communicate(timeout=max(2.0, timeout / 2))
                return None, "slow (stopped by SIGINT)"
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                out, err = proc.communicate()
                return "hang", err.decode("utf-8", "replace")[-2000:]
        return classify(proc.returncode, err, b"exit" in program.lower())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def classify(code, err, may_exit):
    text = err.decode("utf-8", "replace")
    if SANITIZER_RE.search(text):
        frames = [f for f in FRAME_RE.findall(text)
                  if not f.startswith(("__asan", "__ubsan", "__interceptor", "__sanitizer"))]
        kind = ASAN_KIND_RE.search(text)
        ub = UBSAN_RE.search(text)
        what = kind.group(1) if kind else (ub.group(1) + " " + ub.group(2).strip() if ub
                                           else "sanitizer")
        return "%s in %s" % (what, " < ".join(frames[:3])), text[-6000:]
    if code < 0:
        return "signal %d" % -code, text[-2000:]
    if "FATAL:" in text:
        return text[text.index("FATAL:"):].split("\n")[0], text[-2000:]
    if code == 0:
        return None, ""
    if may_exit:
        return None, ""  # sys.exit(anything) chooses the status and the message
    if code == 1:
        # An uncaught exception: the last stderr line names it.
        last = text.strip().split("\n")[-1] if text.strip() else ""
        if re.match(r"^[A-Za-z_.]+(Error|Exception|Exit|Interrupt|Iteration|Warning)\b|^[A-Za-z_.]+:",
                    last) or "Traceback" in text:
            return None, ""
        return "exit 1 without an exception", text[-2000:]
    return "exit %d" % code, text[-2000:]


# ---------------------------------------------------------------- shrinking

def shrink(espy, args, program, signature, timeout, budget=400):
    """Delta debugging over lines, then over characters, keeping the same signature."""
    tries = [0]

    def same(candidate):
        if tries[0] >= budget:
            return False
        tries[0] += 1
        return run_program(espy, args, candidate, timeout)[0] == signature

    for unit in ("lines", "chars"):
        parts = program.split(b"\n") if unit == "lines" else [program[i:i + 1]
                                                              for i in range(len(program))]
        joiner = b"\n" if unit == "lines" else b""
        if unit == "chars" and len(parts) > 3000:
            continue
        chunk = max(1, len(parts) // 2)
        while chunk >= 1 and tries[0] < budget:
            i = 0
            changed = False
            while i < len(parts) and tries[0] < budget:
                candidate = parts[:i] + parts[i + chunk:]
                if candidate and same(joiner.join(candidate)):
                    parts = candidate
                    changed = True
                else:
                    i += chunk
            if not changed:
                chunk //= 2
        program = joiner.join(parts)
    return program


# ---------------------------------------------------------------- driver

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--espy", default=os.path.join(REPO_ROOT, "build", "asan", "espy"))
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--out", default=os.path.join(REPO_ROOT, "build", "fuzz"))
    ap.add_argument("--no-shrink", action="store_true")
    ap.add_argument("--case", type=int)
    ap.add_argument("--print", action="store_true")
    ap.add_argument("--shrink", metavar="FILE")
    ap.add_argument("-v", action="store_true")
    opts = ap.parse_args()
    opts.espy = os.path.abspath(opts.espy)  # cases run in scratch folders
    kinds = [k for k in opts.kinds.split(",") if k]
    if any(k not in KINDS for k in kinds):
        ap.error("kinds are " + ",".join(KINDS))
    if not os.access(opts.espy, os.X_OK):
        ap.error("no espy at %s (make asan)" % opts.espy)

    if opts.shrink:
        with open(opts.shrink, "rb") as f:
            program = f.read()
        args = []
        first = program.split(b"\n", 1)[0]
        if first.startswith(b"# espy-args:"):
            args = first[len(b"# espy-args:"):].decode().split()
        sig, detail = run_program(opts.espy, args, program, opts.timeout)
        print("signature:", sig)
        if sig:
            small = shrink(opts.espy, args, program, sig, opts.timeout, budget=2000)
            sys.stdout.write(small.decode("utf-8", "replace") + "\n")
        return 0

    corpus = load_corpus()
    names = discover_names(opts.espy) if "api" in kinds else {}
    if opts.case is not None:
        kind, args, program = make_case(opts.seed, opts.case, corpus, names, kinds)
        if opts.print:
            sys.stdout.buffer.write(b"# espy-args: " + " ".join(args).encode() + b"\n" + program)
            return 0
        print(kind, args, run_program(opts.espy, args, program, opts.timeout))
        return 0

    os.makedirs(opts.out, exist_ok=True)
    found = {}
    firsts = []
    passed = 0
    numbers = range(opts.first, opts.first + opts.cases)

    def one(number):
        kind, args, program = make_case(opts.seed, number, corpus, names, kinds)
        sig, detail = run_program(opts.espy, args, program, opts.timeout)
        if sig == "hang":
            # A loaded machine makes slow cases look stuck: a second, longer chance.
            sig, detail = run_program(opts.espy, args, program, opts.timeout * 4)
        return number, kind, args, program, sig, detail

    with concurrent.futures.ThreadPoolExecutor(max_workers=opts.j) as pool:
        for number, kind, args, program, sig, detail in pool.map(one, numbers):
            if opts.v and (number - opts.first) % 100 == 99:
                print("... case %d" % number, flush=True)
            if sig is None:
                passed += 1
                if opts.v:
                    print("case %d %s ok %s" % (number, kind, detail), flush=True)
                continue
            if sig in found:
                found[sig].append(number)
                continue
            found[sig] = [number]
            print("case %d (%s %s): %s" % (number, kind, " ".join(args), sig), flush=True)
            firsts.append((number, kind, args, program, sig, detail))
    # Shrinking waits for the pool, so no more than -j programs run at once.
    for number, kind, args, program, sig, detail in firsts:
        shrinkable = not opts.no_shrink and sig != "hang"
        small = shrink(opts.espy, args, program, sig, opts.timeout) if shrinkable else program
        name = "crash-%d-%d" % (opts.seed, number)
        with open(os.path.join(opts.out, name + ".py"), "wb") as f:
            f.write(b"# espy-args: " + " ".join(args).encode() + b"\n" + small)
        with open(os.path.join(opts.out, name + ".txt"), "w") as f:
            f.write("signature: %s\nkind: %s\nargs: %s\n\n%s\n" % (sig, kind, args, detail))
        print("%s: kept as %s.py (%d bytes)" % (sig, os.path.join(opts.out, name), len(small)),
              flush=True)
    for sig, numbers_hit in found.items():
        print("%s: %d case(s), first %d" % (sig, len(numbers_hit), numbers_hit[0]))
    print("%d passed, %d failed" % (passed, len(found)))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
