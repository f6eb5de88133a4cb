# single, double and triple quoted strings
print('single', "double")
print('it\'s', "say \"hi\"", "it's", 'say "hi"')
print('''triple
single''')
print("""triple
double""")
print("""has ' and " and '' inside""")
print('''a\
b''')
print(len(""), len(''), len(""""""), len(''''''))
