# the % operator: which right operands count as mappings
class P: pass
class M:
    def __getitem__(self, k): return k.upper()
for f in [lambda: "abc" % P(), lambda: "%s" % P.__name__, lambda: "%(x)s-%(yz)s" % M(), lambda: "x" % M()]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
