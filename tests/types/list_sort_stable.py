# sort is stable and honours key and reverse
data = [("b", 2), ("a", 2), ("c", 1), ("d", 1), ("e", 3)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted([5, 2, 9, 1, 5, 6]), sorted("hello"), sorted([3, 1], reverse=True))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower))
nums = list(range(50, 0, -3))
nums.sort()
print(nums)
try:
    [1, "a"].sort()
except TypeError:
    print("TypeError")
print(sorted([]), sorted([1]))
