# raw string prefixes
print(r"\n\t", R"\d+", r'\'', r"a\\b")
print(len(r"\n"), len(r"\x41"))
print(rb"\x00", br"\n", Rb"\t", bR"\r", RB"z", BR"y")
print(type(rb"a").__name__)
print(r"""raw \n
triple""")
