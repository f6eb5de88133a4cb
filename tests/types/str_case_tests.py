# case conversion and classification
for s in ("abc", "ABC", "Abc", "a1", "123", "", " ", "a b", "\t\n"):
    print(repr(s), s.upper(), s.lower(), s.isalpha(), s.isdigit(), s.isspace(), s.isupper(), s.islower())
