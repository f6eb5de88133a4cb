# non-ASCII source text in strings
s = "héllo wörld"
print(s, len(s))
print("日本語", len("日本語"))
print("emoji 😀", len("😀"))
print("\u00e9" == "é")
