import json

values = [None, True, False, 0, -5, 2**70, 1.5, -0.0, 1e16, 1e-7, 0.1, "", "abc", 'q"uo\\te', "tab\tnl\nctl\x01\x1f",
          "caf\u00e9 \u20ac \U0001f600", [], {}, [1, [2, [3]]], {"a": 1, "b": [1, 2], "c": {"d": None}}, (1, 2),
          {1: "int", 2.5: "float", True: "bool", None: "none"}, float("inf"), float("-inf")]
for v in values:
    print(json.dumps(v))
print(json.dumps(float("nan")))
print(json.dumps({"a": 1, "b": 2}, separators=(",", ":")), json.dumps([1, 2], separators=(", ", ": ")))
print(json.dumps({"a": [1, 2, {"b": None}], "c": {}, "d": []}, indent=2))
print(json.dumps([1, [2, 3]], indent=0))
print(json.dumps({"x": 1}, indent="\t"))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps("caf\u00e9 \U0001f600", ensure_ascii=False))
print(json.dumps({"a": 1, "b": 2}, indent=4, separators=(",", " = ")))
print(json.dumps(object(), default=lambda o: "custom"))

texts = ['null', 'true', 'false', '0', '-12', '12345678901234567890123', '1.5', '-1.5e3', '1E2', '2e-3', '""',
         '"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t"', '"\\u00e9\\u20ac"', '"\\ud83d\\ude00"', '[]', '{}', ' [ 1 , 2 , [ 3 ] ] ',
         '{"a": {"b": [true, false, null]}, "c": 1.0}', '{"a": 1, "a": 2}', 'NaN', 'Infinity', '-Infinity', '[1e400]',
         '\n\t{"k" :\r"v"}\n']
for t in texts:
    print(repr(json.loads(t)))
print(json.loads(b'{"bytes": 1}'), json.loads(bytearray(b"[1]")))

bad = ['', '[1,]', '{1:2}', '{"a" 2}', '[1 2]', '[1] x', '"abc', '"\\x"', 'tru', '{"a":1,}', '-', '01', '"\\u12"',
       '[\n 1,\n x]', '"a\nb"', '{"a":', '[', '{']
for t in bad:
    try:
        json.loads(t)
        print("no error", t)
    except ValueError as e:
        print("ValueError", e)

for v in ({(1, 2): 3}, object(), {1j}):
    try:
        json.dumps(v)
    except TypeError as e:
        print("TypeError", e)
cyc = []
cyc.append(cyc)
try:
    json.dumps(cyc)
except ValueError as e:
    print("ValueError", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError", e)
