"""parser_check.py: compares build/parser_dump's tree with CPython's ast for each given file."""
import ast
import os
import warnings
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DUMP = os.path.join(HERE, "..", "..", "build", "parser_dump")


def normalise(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant):
            node.kind = None
    return tree


def dump_with_positions(node):
    """Like ast.dump, plus lineno and col_offset of statements and expressions."""
    if isinstance(node, ast.AST):
        parts = []
        for name in node._fields:
            parts.append("%s=%s" % (name, dump_with_positions(getattr(node, name, None))))
        if isinstance(node, (ast.stmt, ast.expr, ast.excepthandler, ast.arg, ast.keyword)):
            parts.append("@%s:%s" % (getattr(node, "lineno", "?"), getattr(node, "col_offset", "?")))
        return "%s(%s)" % (type(node).__name__, ", ".join(parts))
    if isinstance(node, list):
        return "[%s]" % ", ".join(dump_with_positions(x) for x in node)
    return repr(node)


def expected(path, mode, positions):
    with open(path, "rb") as f:
        src = f.read()
    try:
        tree = normalise(ast.parse(src, path, mode))
        # the checks CPython leaves to its compiler (return outside function...) count too
        compile(src, path, mode, dont_inherit=True)
    except SyntaxError as e:
        kind = "IndentationError" if isinstance(e, IndentationError) else "SyntaxError"
        return None, kind, e.lineno
    except (ValueError, UnicodeDecodeError) as e:
        return None, "SyntaxError", None
    return (dump_with_positions(tree) if positions else ast.dump(tree)), None, None


def actual(path, mode, positions):
    args = [DUMP, path]
    if mode != "exec":
        args.append("-" + mode)
    if positions:
        args.append("-pos")
    r = subprocess.run(args, capture_output=True, text=True, errors="replace")
    if r.returncode < 0 or r.returncode > 1:
        return None, "CRASH(%d) %s" % (r.returncode, r.stderr[-300:]), None
    out = r.stdout.strip()
    if r.returncode == 1:
        kind = out.split(":")[0]
        line = None
        if "(line " in out:
            line = int(out.split("(line ")[1].split(",")[0])
        return None, kind, (line, out)
    try:
        tree = eval(out, vars(ast))
    except Exception as e:
        return None, "BADDUMP %r" % e, None
    tree = ast.fix_missing_locations(tree) if not positions else tree
    return (dump_with_positions(tree) if positions else ast.dump(tree)), None, None


def main():
    warnings.simplefilter("ignore")
    args = sys.argv[1:]
    mode = "exec"
    positions = False
    verbose = False
    files = []
    for a in args:
        if a in ("-eval", "-single"):
            mode = a[1:]
        elif a == "-pos":
            positions = True
        elif a == "-v":
            verbose = True
        else:
            files.append(a)
    passed = failed = 0
    for path in files:
        exp, exp_err, exp_line = expected(path, mode, positions)
        got, got_err, got_info = actual(path, mode, positions)
        ok = exp == got and exp_err == got_err
        if exp_err and got_err == exp_err and verbose and got_info and got_info[0] != exp_line:
            print("note: %s: error line %s, CPython says %s: %s" % (path, got_info[0], exp_line, got_info[1]))
        if ok:
            passed += 1
            continue
        failed += 1
        print("FAIL %s" % path)
        if verbose:
            if exp_err or got_err:
                print("  CPython: %s line %s" % (exp_err or "ok", exp_line))
                print("  espy:    %s %s" % (got_err or "ok", got_info[1] if got_info else ""))
            else:
                i = 0
                while i < min(len(exp), len(got)) and exp[i] == got[i]:
                    i += 1
                print("  CPython: ...%s" % exp[max(0, i - 150):i + 150])
                print("  espy:    ...%s" % got[max(0, i - 150):i + 150])
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
