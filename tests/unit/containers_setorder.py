#!/usr/bin/env python3
"""containers_setorder.py: checks that sets of ints iterate in CPython's order after random
adds, discards, pops and set operations, by replaying the same operations in build/containers_test."""
import random
import subprocess
import sys

exe = sys.argv[1] if len(sys.argv) > 1 else "build/containers_test"
bad = 0
for seed in range(300):
    rnd = random.Random(seed)
    span = rnd.choice([10, 50, 1000, 100000])
    ops, expected = [], []
    s = set()
    for _ in range(rnd.randint(1, 120)):
        r = rnd.random()
        if r < 0.55:
            v = rnd.randint(-span, span)
            ops.append(f"add {v}")
            s.add(v)
        elif r < 0.75:
            v = rnd.randint(-span, span)
            ops.append(f"discard {v}")
            s.discard(v)
        elif r < 0.8 and s:
            ops.append("pop")
            expected.append(repr(s.pop()))
        elif r < 0.9:
            ops.append("print")
            expected.append(repr(s))
        else:
            op = rnd.choice(["union", "inter", "diff", "xor"])
            a = [rnd.randint(-span, span) for _ in range(5)]
            ops.append(op + " " + " ".join(map(str, a)))
            o = set()
            for x in a:
                o.add(x)
            f = {"union": lambda x, y: x | y, "inter": lambda x, y: x & y,
                 "diff": lambda x, y: x - y, "xor": lambda x, y: x ^ y}[op]
            expected.append(repr(f(s, o)))
            expected.append(repr(f(o, s)))
    ops.append("print")
    expected.append(repr(s))
    got = subprocess.run([exe, "setops"], input="\n".join(ops) + "\n", capture_output=True, text=True).stdout.split("\n")[:-1]
    if got != expected:
        bad += 1
        for i, (g, e) in enumerate(zip(got, expected)):
            if g != e:
                print(f"seed {seed} line {i}: got {g} want {e}")
                break
        else:
            print(f"seed {seed}: {len(got)} lines, want {len(expected)}")
print(f"{300 - bad} passed, {bad} failed")
sys.exit(1 if bad else 0)
