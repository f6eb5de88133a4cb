# timeout: 120
# re against CPython on generated patterns: search, findall, sub with \g<0>, split, with flags
import re
state = 99
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return state % n
atoms = ["a", "b", ".", "[ab]", "[^a]", "\\d", "\\w", "\\s", "(a)", "(a|b)", "(?:ab)", "(a*)", "x", "^", "$", "\\b", "(?=a)", "(?!b)", "(b+)"]
quants = ["", "", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{1,2}", "{0,1}", "{2,}"]
strings = ["", "a", "ab", "ba", "aab", "abab", "b a", "xaxb", "aaa bbb", "a1b2", "\nab\n", "AbA\nB"]
for i in range(300):
    n = rnd(4) + 1
    pat = ""
    for k in range(n):
        a = atoms[rnd(len(atoms))]
        q = quants[rnd(len(quants))] if a not in ("^", "$", "\\b", "(?=a)", "(?!b)") else ""
        pat += a + q
    if rnd(5) == 0:
        pat = pat + "|" + atoms[rnd(len(atoms))]
    try:
        r = re.compile(pat, (re.I if rnd(3) == 0 else 0) | (re.M if rnd(3) == 0 else 0) | (re.S if rnd(4) == 0 else 0))
    except Exception as e:
        print(pat, "compile error")
        continue
    out = []
    for s in strings:
        m = r.search(s)
        out.append(None if m is None else (m.span(), m.groups()))
        out.append(r.findall(s))
        out.append(r.sub("<\\g<0>>", s))
        out.append(r.split(s))
    print(pat, out)
