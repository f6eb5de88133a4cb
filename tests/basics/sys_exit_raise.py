# raise SystemExit(n) directly
print("raising")
raise SystemExit(5)
