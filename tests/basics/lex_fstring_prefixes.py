# f-string prefix combinations
x = 5
print(f"{x}", F"{x}", fr"\n{x}", rf"\t{x}", Rf"{x}\d", fR"{x}", FR"{x}", RF"{x}")
print(f'{x}' f"{x}" f'''{x}''' f"""{x}""")
