#!/usr/bin/env python3
"""Turns a source file into a C header holding it as one const string: embed_source.py NAME FILE."""
import sys


def c_string_literal(text):
    """Escape every byte that is not plain printable ASCII, so any file survives."""
    pieces = []
    for byte in text.encode("utf-8"):
        char = chr(byte)
        if char == "\n":
            pieces.append('\\n"\n    "')
        elif char in '"\\':
            pieces.append("\\" + char)
        elif 32 <= byte < 127:
            pieces.append(char)
        else:
            pieces.append("\\%03o" % byte)
    return '"' + "".join(pieces) + '"'


def main():
    name, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as source:
        text = source.read()
    print("/* Generated from %s by embed_source.py; do not edit. */" % path)
    print("static const char %s[] =\n    %s;" % (name, c_string_literal(text)))


if __name__ == "__main__":
    main()
