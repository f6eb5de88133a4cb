# Benchmark: string splitting and dict counting over a generated text.

SYLLABLES = ["ka", "lo", "mi", "ne", "po", "ru", "sa", "ti", "vu", "ze", "an", "or"]
WORDS = 120000
PASSES = 12


def generate_text(n):
    seed = 12345
    words = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        k = 1 + (seed >> 16) % 3
        w = ""
        s = seed
        for _ in range(k):
            w += SYLLABLES[s % len(SYLLABLES)]
            s //= len(SYLLABLES)
        if seed % 7 == 0:
            w = w.capitalize() + "."
        elif seed % 5 == 0:
            w += ","
        words.append(w)
    lines = []
    for i in range(0, len(words), 12):
        lines.append(" ".join(words[i:i + 12]))
    return "\n".join(lines)


def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for word in line.split():
            word = word.strip(".,").lower()
            if word:
                counts[word] = counts.get(word, 0) + 1
    return counts


text = generate_text(WORDS)
for _ in range(PASSES):
    counts = count_words(text)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
letters = {}
for w, c in counts.items():
    letters[w[0]] = letters.get(w[0], 0) + c
print("wordcount", len(text), len(counts), top, sorted(letters.items())[:3])
