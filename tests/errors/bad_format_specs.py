# malformed format strings and specs
cases = [lambda: "{".format(1), lambda: "}".format(1), lambda: "{0".format(1),
         lambda: "{:d}".format(1.5), lambda: "{:z}".format(1), lambda: "{:.2d}".format(1),
         lambda: "{0}{}".format(1, 2), lambda: "%" % (), lambda: "%d" % (1, 2),
         lambda: "%(a)s" % 5, lambda: format(1, "zz"), lambda: f"{1:q}"]
for c in cases:
    try:
        c()
        print("no error")
    except (ValueError, TypeError, KeyError, IndexError) as e:
        print("error")
