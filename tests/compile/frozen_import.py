# Frozen modules are found through the '.frozen' entry of sys.path (tests/compile/_frozen is
# frozen into build/espy); the module, package and relative imports behave as from files.
import sys

sys.path.append(".frozen")

import frozentest

print(frozentest.greeting)
print(frozentest.add(2, 3), frozentest.add("a", "b"))
c = frozentest.Counter()
c.bump()
print(c.bump(5))
print(frozentest.big, frozentest.ratio, frozentest.parts, frozentest.squares)
print(frozentest.text)
print(list(frozentest.gen(4)))
print(frozentest.__name__, frozentest.__file__)
print(frozentest.add.__name__, frozentest.Counter.bump.__qualname__)
try:
    frozentest.fails()
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
    # The traceback names the frozen file by its path under '.frozen', with exact lines.
    sys.print_exception(e, sys.stdout)

import frozenpkg
import frozenpkg.sub
from frozenpkg.mod import where

print(frozenpkg.initialised, frozenpkg.value, frozenpkg.sub.doubled, where())
print(frozenpkg.__file__, frozenpkg.__path__, frozenpkg.sub.__name__)
print(frozenpkg.mod is sys.modules["frozenpkg.mod"])

try:
    import frozenpkg.missing
except ImportError as e:
    print("ImportError", type(e).__name__)

# Without '.frozen' on sys.path nothing frozen is found.
while ".frozen" in sys.path:
    sys.path.remove(".frozen")
del sys.modules["frozentest"]
try:
    import frozentest
except ImportError:
    print("not found without .frozen")
