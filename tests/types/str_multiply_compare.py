# repetition, comparison and membership of strings
print("ab" * 3, "" * 10, "x" * 1, 2 * "yz")
print("abc" == "abc", "abc" != "abd", "a" * 3 == "aaa")
print("b" > "a", "ab" > "a", "B" < "a", "é" > "z", "10" < "9")
print("a" in "abc", "abc" in "abc", "" in "", "d" in "abc")
print(sorted(["pear", "apple", "Fig", "fig", "é", "z"]))
