# a small program: dict-based inventory with sorting, comprehensions, formatting
stock = {}
def add(name, qty, price):
    item = stock.setdefault(name, {"qty": 0, "price": price})
    item["qty"] += qty
    item["price"] = price
def remove(name, qty):
    item = stock.get(name)
    if item is None:
        raise KeyError(name)
    if item["qty"] < qty:
        raise ValueError((name, item["qty"], qty))
    item["qty"] -= qty
    if item["qty"] == 0:
        del stock[name]
orders = [("add", "bolt", 100, 2), ("add", "nut", 250, 1), ("add", "gear", 5, 40),
          ("remove", "bolt", 30), ("remove", "gear", 9), ("remove", "cog", 1),
          ("add", "bolt", 10, 3), ("remove", "gear", 5)]
for op in orders:
    try:
        if op[0] == "add":
            add(*op[1:])
        else:
            remove(*op[1:])
        print("ok", op[1])
    except KeyError as e:
        print("unknown", e.args[0])
    except ValueError as e:
        print("short", e.args[0])
value = {name: it["qty"] * it["price"] for name, it in stock.items()}
for name in sorted(value, key=lambda n: (-value[n], n)):
    print("%-6s %4d x %3d = %6d" % (name, stock[name]["qty"], stock[name]["price"], value[name]))
print("total", sum(value.values()))
