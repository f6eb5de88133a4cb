# Floats frozen into the image are const objects (in flash on the ESP8266), floats made at run
# time are words: they compare equal, hash alike and find each other as dict keys and in sets.
import sys

sys.path.append(".frozen")  # espy has them frozen (the lx106 image starts with an empty path)
sys.path.append("../compile/_frozen")  # CPython imports the sources
import frozenfeatures
import frozentest

tiny = 0.3125 / 2
ratio = 3 / 2
half_five = 5 / 2
four = 2.0 * 2
print(frozenfeatures.tiny == tiny, frozentest.ratio == ratio, frozenfeatures.nested[0][1] == half_five)
print(frozentest.parts[3] == four, frozentest.parts[3] == 4, hash(frozentest.parts[3]) == hash(4))
print(hash(frozenfeatures.tiny) == hash(tiny), hash(frozentest.ratio) == hash(ratio))
d = {frozenfeatures.tiny: "tiny", frozentest.ratio: "ratio", frozenfeatures.nested[0][1]: "2.5",
     frozentest.parts[3]: "4"}
print(d[tiny], d[ratio], d[half_five], d[four], d[4], d.get(0.15625 * 2, "absent"))
runtime = {tiny: 1, ratio: 2}
print(runtime[frozenfeatures.tiny], runtime[frozentest.ratio], len({tiny, frozenfeatures.tiny, 0.15625}))
print(sorted([frozentest.ratio, tiny, frozenfeatures.tiny, half_five, frozenfeatures.nested[0][1]]))
print(frozenfeatures.tiny * 2, frozentest.ratio + tiny, -frozenfeatures.nested[0][1], frozentest.parts[3] / 8)
print(frozenfeatures.big_float, -frozenfeatures.big_float, frozenfeatures.big_float == float("inf"))
