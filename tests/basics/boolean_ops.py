# and/or return operands and short-circuit
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" and 1)
def t(v):
    print("t", v)
    return v
print(t(0) and t(1))
print(t(1) or t(2))
print(not 0, not 1, not [], not [0])
print(t(1) and t(0) or t("fallback"))
