# Benchmark: count every solution of the n-queens problem by backtracking.

N = 11


def solve(n):
    cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)
    placement = [0] * n
    found = []

    def place(row):
        if row == n:
            found.append(tuple(placement))
            return
        for c in range(n):
            if not cols[c] and not diag1[row + c] and not diag2[row - c + n]:
                cols[c] = diag1[row + c] = diag2[row - c + n] = True
                placement[row] = c
                place(row + 1)
                cols[c] = diag1[row + c] = diag2[row - c + n] = False

    place(0)
    return found


def permutations_solve(n):
    # a second, set-based formulation to exercise sets and generators
    def extend(queens):
        row = len(queens)
        if row == n:
            yield queens
            return
        for c in range(n):
            if all(c != qc and abs(c - qc) != row - qr for qr, qc in enumerate(queens)):
                yield from extend(queens + (c,))
    return sum(1 for _ in extend(()))


solutions = solve(N)
check = 0
for s in solutions:
    for i, c in enumerate(s):
        check = (check * 31 + c * (i + 1)) % 1000003
print("nqueens(%d) %d solutions, check %d, second method %d" % (N, len(solutions), check, permutations_solve(10)))
