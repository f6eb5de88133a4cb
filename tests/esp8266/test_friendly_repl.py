# The friendly REPL's line editor, byte for byte (repl-protocols.md §1).
from board import Board, check_equal

with Board() as b:
    b.wait_prompt()

    def typed(data, until=b">>> "):
        b.write(data)
        return b.read_until(until)

    # Enter is \r, \n or \r\n (one Enter); output uses \r\n.
    check_equal(typed(b"print('a\\nb')\r\n"), b"print('a\\nb')\r\na\r\nb\r\n>>> ", "CRLF is one Enter")
    check_equal(typed(b"1\n"), b"1\r\n1\r\n>>> ", "LF Enter")
    # Editing: left arrow, insert in the middle (tail redrawn), backspace, delete, home, end.
    check_equal(typed(b"13\x1b[D2\r"), b"13\b23\b\r\n123\r\n>>> ", "insert after left arrow")
    check_equal(typed(b"123\x08\r"), b"123\b\x1b[K\r\n12\r\n>>> ", "backspace")
    check_equal(typed(b"x123\x1b[H\x1b[3~\x1b[F\r"), b"x123\b\b\b\b\x1b[K123\b\b\b123\r\n123\r\n>>> ",
                "home, delete, end")
    check_equal(typed(b"1+1\x01\x05\r"), b"1+1\b\b\b1+1\r\n2\r\n>>> ", "Ctrl-A/Ctrl-E on a line are home/end")
    # Long moves use ESC[nD.
    check_equal(typed(b"'abcdef'\x1b[H\x1b[C\r"), b"'abcdef'\x1b[8D'\r\n'abcdef'\r\n>>> ", "ESC[nD")
    # Ctrl-C discards the line; Ctrl-B is ignored on a non-empty line; other controls too.
    check_equal(typed(b"abc\x03"), b"abc\r\n>>> ", "Ctrl-C discards")
    check_equal(typed(b"7\x02\x07\x10\xc3\xa9\r"), b"7\r\n7\r\n>>> ", "ignored bytes")
    # History: up recalls, down goes back; repeats and empty lines are not stored.
    typed(b"10\r")
    typed(b"20\r")
    typed(b"20\r")
    check_equal(typed(b"\x1b[A\x1b[A\r"), b"20\b\b10\r\n10\r\n>>> ", "history up twice")
    check_equal(typed(b"\x1b[A\x1b[B\x1b[B\x1b[A\r"), b"10\b\b\x1b[K10\r\n10\r\n>>> ", "history up/down")
    # Auto-indent: four spaces after a colon, kept for the body, gone after two blank lines.
    b.write(b"for i in range(2):\r")
    check_equal(b.read_until(b"...     "), b"for i in range(2):\r\n...     ", "indent after colon")
    b.write(b"print(i)\r")
    check_equal(b.read_until(b"...     "), b"print(i)\r\n...     ", "indent kept")
    b.write(b"\r")
    check_equal(b.read_until(b"...     "), b"\r\n...     ", "still indented after one blank")
    b.write(b"\r")
    check_equal(b.read_until(b"... "), b"\r\n... ", "no indent after two blanks")
    check_equal(typed(b"\r"), b"\r\n0\r\n1\r\n>>> ", "block runs")
    # Backspace removes an indent level at once; a space right after auto-indent gives 3 back.
    b.write(b"if 1:\r")
    b.read_until(b"...     ")
    b.write(b"\x7f")
    check_equal(b.read_until(b"\x1b[K"), b"\b\b\b\b\x1b[K", "backspace 4 spaces")
    check_equal(typed(b"\x03"), b"\r\n>>> ", "Ctrl-C cancels the whole statement")
    check_equal(typed(b"if 1:\r\x7f\r"), b"if 1:\r\n...     \b\b\b\b\x1b[K\r\nTraceback (most recent call last):\r\n"
                b"  File \"<stdin>\", line 2\r\nIndentationError: expected an indented block\r\n>>> ",
                "an empty line ends the statement")
    b.write(b"if 1:\r")
    b.read_until(b"...     ")
    b.write(b"    print(5)\r")
    check_equal(b.read_until(b"...     "), b"\b\b\b\x1b[K   print(5)\r\n...     ", "space after auto-indent")
    check_equal(typed(b"\r\r\r"), b"\r\n...     \r\n... \r\n5\r\n>>> ", "pasted indentation ran")
    # Ctrl-D on an empty continuation line runs the statement at once (no echo).
    b.write(b"if 1:\r")
    b.read_until(b"...     ")
    b.write(b"print(6)\r")
    b.read_until(b"...     ")
    b.write(b"\x7f")
    b.read_until(b"\x1b[K")
    check_equal(typed(b"\x04"), b"6\r\n>>> ", "Ctrl-D ends a block")
    # Open brackets and trailing backslashes continue without indent.
    check_equal(typed(b"(1,\r2)\r"), b"(1,\r\n... 2)\r\n(1, 2)\r\n>>> ", "open bracket")
    check_equal(typed(b"1 + \\\r2\r"), b"1 + \\\r\n... 2\r\n3\r\n>>> ", "backslash")
    check_equal(typed(b"'''a\rb'''\r"), b"'''a\r\n... b'''\r\n'a\\nb'\r\n>>> ", "triple quote")
    # Tab: indent on a blank line, complete one match, list several.
    check_equal(typed(b"\t\x7f1\r"), b"    \b\b\b\b\x1b[K1\r\n1\r\n>>> ", "tab indents")
    typed(b"import machine\r")
    b.write(b"machine.reset_c\t")
    check_equal(b.read_until(b"cause"), b"machine.reset_cause", "tab completes one")
    b.write(b"\x03")
    b.read_until(b">>> ")
    b.write(b"machine.SO\t")
    check_equal(b.read_until(b"_RESET"), b"machine.SOFT_RESET", "tab completes the common prefix")
    b.write(b"\x03")
    b.read_until(b">>> ")
    b.write(b"machine.reset\t")
    check_equal(b.read_until(b">>> machine.reset"), b"machine.reset\r\nreset           reset_cause\r\n>>> machine.reset",
                "tab lists matches")
    b.write(b"\x03")
    b.read_until(b">>> ")
    b.write(b"imp\t")
    check_equal(b.read_until(b"import "), b"import ", "imp completes to import")
    b.write(b"\x03")
    b.read_until(b">>> ")
    # The last value is kept in _.
    typed(b"6*7\r")
    check_equal(typed(b"_\r"), b"_\r\n42\r\n>>> ", "_ holds the last value")
    # Paste mode: verbatim with echo, expression values printed, Ctrl-C cancels.
    b.write(b"\x05")
    check_equal(b.read_until(b"=== "), b"\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ", "paste banner")
    b.write(b"def f():\r\n    return 41\r\nf() + 1\r\n\x04")
    check_equal(b.read_until(b">>> "), b"def f():\r\n=== \n    return 41\r\n=== \nf() + 1\r\n=== \n\r\n42\r\n>>> ",
                "paste run")
    b.write(b"\x05print('no')\x03")
    check_equal(b.read_until(b">>> "),
                b"\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== print('no')\r\n>>> ", "paste cancel")
    # Errors print a traceback and the REPL goes on.
    check_equal(typed(b"1/0\r"), b"1/0\r\nTraceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
                b"ZeroDivisionError: division by zero\r\n>>> ", "traceback")
    check_equal(typed(b"1 +\r"), b"1 +\r\nTraceback (most recent call last):\r\n  File \"<stdin>\", line 1\r\n"
                b"SyntaxError: invalid syntax\r\n>>> ", "syntax error")
    # input() uses the same editor.
    b.write(b"x = input('? ')\r")
    check_equal(b.read_until(b"')\r\n? "), b"x = input('? ')\r\n? ", "input prompt")
    check_equal(typed(b"hi\rx\r", b"'hi'\r\n>>> "), b"hi\r\n>>> x\r\n'hi'\r\n>>> ", "input line")
