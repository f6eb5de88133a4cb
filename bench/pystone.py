# Benchmark: a Dhrystone-style mix of records, integer arithmetic, string and array work.

RUNS = 300000


class Record:
    def __init__(self, link=None, kind=0, value=0, label=""):
        self.link = link
        self.kind = kind
        self.value = value
        self.label = label

    def clone(self):
        return Record(self.link, self.kind, self.value, self.label)


ARRAY_1 = [0] * 51
ARRAY_2 = [[0] * 51 for _ in range(51)]
state = {"int_glob": 0, "bool_glob": False, "char_1": "A", "char_2": "A"}


def proc_compare(c1, c2):
    return 0 if c1 != c2 else 1


def proc_strings(s1, s2):
    i = 2
    while i <= 2:
        if proc_compare(s1[i], s2[i + 1]) == 0:
            i += 1
    return s1 > s2


def proc_arrays(a1, a2, x, y):
    loc = x + 5
    a1[loc] = y
    a1[loc + 1] = a1[loc]
    a1[loc + 30] = loc
    for idx in range(loc, loc + 2):
        a2[loc][idx] = loc
    a2[loc][loc - 1] += 1
    a2[loc + 20][loc] = a1[loc]
    state["int_glob"] = 5


def proc_kind(kind):
    if kind == 0:
        return 1
    if kind == 1:
        return 2 if state["int_glob"] > 100 else 3
    if kind == 2:
        return 1
    return kind


def proc_record(rec, glob):
    nxt = rec.link
    nxt.value = rec.value
    nxt.kind = rec.kind
    nxt.link = glob
    if nxt.kind == 0:
        nxt.value = 6
        nxt.kind = proc_kind(rec.kind)
        nxt.value = (nxt.value + 10) % 97
    else:
        rec.value = nxt.value + 1
    return nxt.value


def main(runs):
    glob = Record(None, 0, 40, "DHRYSTONE PROGRAM, SOME STRING")
    glob.link = Record(None, 0, 0, "")
    s1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    checksum = 0
    for run in range(1, runs + 1):
        a = 2
        b = 3
        s2 = "DHRYSTONE PROGRAM, 2'ND STRING"
        state["bool_glob"] = not proc_strings(s1, s2)
        while a < b:
            c = 5 * a - b
            a += 1
        proc_arrays(ARRAY_1, ARRAY_2, a, c)
        checksum += proc_record(glob, glob.link.clone())
        glob.link.link = None
        for ch in "AB":
            if ch == state["char_2"]:
                state["char_2"] = chr(ord(ch) + 1)
        c = b * a
        b = c // a
        c = 7 * (c - b) - a
        checksum = (checksum + c + run % 13) & 0xFFFFFF
    return checksum + ARRAY_1[8] + ARRAY_2[8][7]


print("pystone checksum", main(RUNS))
