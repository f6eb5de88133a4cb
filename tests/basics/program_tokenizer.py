# a small program: a tokenizer and recursive-descent evaluator for arithmetic
def tokenize(src):
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            yield ("num", int(src[i:j]))
            i = j
        elif c in "+-*/()":
            yield ("op", c)
            i += 1
        else:
            raise SyntaxError("bad char %r" % c)
    yield ("end", None)
class Parser:
    def __init__(self, src):
        self.toks = list(tokenize(src))
        self.pos = 0
    def peek(self):
        return self.toks[self.pos]
    def take(self):
        t = self.toks[self.pos]
        self.pos += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            v = v + self.term() if op == "+" else v - self.term()
        return v
    def term(self):
        v = self.factor()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            rhs = self.factor()
            v = v * rhs if op == "*" else v // rhs
        return v
    def factor(self):
        kind, val = self.take()
        if kind == "num":
            return val
        if val == "-":
            return -self.factor()
        if val == "(":
            v = self.expr()
            if self.take() != ("op", ")"):
                raise SyntaxError("expected )")
            return v
        raise SyntaxError("unexpected %r" % (val,))
for src in ("1 + 2 * 3", "(1 + 2) * 3", "-4 * (2 - 7) / 3", "2 * (3", "8 / (4 - 4)", "7 $ 1", "2 ** 3"):
    try:
        print(src, "=", Parser(src).expr())
    except SyntaxError as e:
        print(src, "-> SyntaxError:", e.args[0])
    except ZeroDivisionError:
        print(src, "-> ZeroDivisionError")
