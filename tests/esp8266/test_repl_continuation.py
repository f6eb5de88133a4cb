# When the friendly REPL asks for another line: MicroPython's keyword rule, which reads every
# character of the input (a '#' starts no comment for it) and counts each kind of bracket apart.
from board import Board, check_equal

with Board() as b:
    b.wait_prompt()

    def typed(data, until=b">>> "):
        b.write(data)
        return b.read_until(until)

    # A bracket inside a comment still counts: the statement waits for its close.
    check_equal(typed(b"print(1)  # (\r", b"... "), b"print(1)  # (\r\n... ", "bracket in a comment")
    check_equal(typed(b")\r", b">>> ")[:len(b")\r\nTraceback")], b")\r\nTraceback", "closed on the next line")
    # A quote inside a comment opens a string, and a bracket seen while it is open does not
    # hold the statement back: it runs at once.
    shown = typed(b"x = (1,  # don't\r")
    check_equal(shown[:len(b"x = (1,  # don't\r\nTraceback")], b"x = (1,  # don't\r\nTraceback",
                "open bracket with a quote in the comment")
    check_equal(b"SyntaxError" in shown, True, "that ran as it was")
    # A compound keyword keeps the statement open whatever the comment holds; no auto-indent
    # because the line does not end in ':'.
    check_equal(typed(b"if 1:  # it's\r", b"... "), b"if 1:  # it's\r\n... ", "keyword with a comment")
    check_equal(typed(b"  print(2)\r", b"... "), b"  print(2)\r\n... ", "body")
    check_equal(typed(b"\r"), b"\r\n2\r\n>>> ", "an empty line runs it")
    # Each kind of bracket is counted apart: ']' does not close '('.
    check_equal(typed(b"(1]\r", b"... "), b"(1]\r\n... ", "mismatched brackets wait")
    check_equal(typed(b"\x03"), b"\r\n>>> ", "Ctrl-C cancels")
    # Brackets inside a complete string do not count.
    check_equal(typed(b"print('(', \"[\")\r"), b"print('(', \"[\")\r\n( [\r\n>>> ", "brackets in strings")
