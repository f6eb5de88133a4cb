# Floats at the edges of the ESP8266 builds' immediate range (2**-15 <= |x| < 2**17) keep their
# exact bits through every container and operation; values are exact in single precision too.
import struct


def bits(x):
    return struct.pack("<f", x).hex()


LOW = 2.0**-15  # smallest immediate magnitude
HIGH = 2.0**17  # first magnitude past the range
ULP_LOW = 2.0**-38  # spacing of floats just above LOW
ULP_HIGH = 2.0**-7  # spacing of floats just below HIGH

edges = [
    LOW - ULP_LOW / 2,  # largest float below the range
    LOW,
    LOW + ULP_LOW,
    LOW + 2 * ULP_LOW,
    LOW + 3 * ULP_LOW,
    LOW + 4 * ULP_LOW,
    LOW + 5 * ULP_LOW,
    2 * LOW,
    HIGH / 2,
    HIGH - ULP_HIGH,  # largest immediate
    HIGH,
    HIGH + 2 * ULP_HIGH,
    65536.0,
    2.0 - 2.0**-23,  # the four floats just below 2.0 are stored in the heap on the ESP8266
    2.0 - 3 * 2.0**-23,
    2.0 - 4 * 2.0**-23,
    2.0 - 5 * 2.0**-23,
    2.0,
    1.0,
    0.5,
    3.25,
]
edges += [-x for x in edges]

# Round trips: list, tuple, dict value, function argument and result, attribute, closure.
class Box:
    pass


def identity(x):
    return x


for x in edges:
    box = Box()
    box.value = x
    kept = [x, (x,), {"k": x}, identity(x), box.value, (lambda: x)()]
    same = [kept[0], kept[1][0], kept[2]["k"], kept[3], kept[4], kept[5]]
    print(bits(x), all(bits(v) == bits(x) and v == x for v in same))

# The values are what they should be, not merely stable.
print(LOW == 1 / 32768, HIGH == 131072, HIGH - ULP_HIGH == 131071.9921875)
print(int(HIGH - ULP_HIGH), int(-(HIGH - ULP_HIGH)), int(HIGH), int(LOW * 2**20))
print(int((LOW + 3 * ULP_LOW) * 2**38), int((LOW - ULP_LOW / 2) * 2**39))

# Arithmetic that crosses the boundary in both directions, exactly.
x = HIGH - ULP_HIGH
y = x + ULP_HIGH  # leaves the range
print(bits(y), y == HIGH, y - ULP_HIGH == x, bits(y - ULP_HIGH) == bits(x))
z = LOW
w = z / 2  # leaves the range downwards
print(bits(w), w * 2 == LOW, bits(w * 2) == bits(LOW), w < z, w > 0)
print(bits(HIGH * 2 / 4), bits(LOW / 4 * 8), bits(-HIGH + ULP_HIGH), bits(-LOW / 2))
total = 0.0
for i in range(40):
    total += 4096.0  # walks up through 2**16 and 2**17
print(total, bits(total), total == 40 * 4096)
part = 1.0
for i in range(20):
    part /= 2  # walks down through 2**-15
print(bits(part), part == 2.0**-20, part * 2**20)

# Comparisons and ordering mix both kinds.
mixed = [HIGH, -LOW / 2, LOW, 0.0, HIGH - ULP_HIGH, -HIGH, LOW / 2, 1.0, -1.0]
print([bits(v) for v in sorted(mixed)])
print(min(mixed) == -HIGH, max(mixed) == HIGH, sum(mixed) == (LOW / 2 - LOW / 2) + LOW + (HIGH - ULP_HIGH) + 1.0 - 1.0)
near_two = 2.0 - 2.0**-21  # steps up through the heap-stored floats to 2.0
steps = []
for i in range(4):
    steps.append(bits(near_two))
    near_two += 2.0**-23
print(steps, bits(near_two), near_two == 2.0, [bits(2.0 - k * 2.0**-23) for k in range(1, 5)] == steps[::-1])
print(HIGH > HIGH - ULP_HIGH, LOW / 2 < LOW, -HIGH < -(HIGH - ULP_HIGH), HIGH >= HIGH, LOW <= LOW)
