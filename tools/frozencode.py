"""frozencode.py: turn the code objects printed by espy-freeze into const C data (for makefrozen.py).

The C is the same for every target: qstr numbers are the target's ES_Q_ names (or the frozen
table's own, numbered from ES_QSTR_NUM_STATIC), and integers that only some targets hold as
small ints choose at compile time. Nothing here depends on the word size of the host.
"""
import os
import re
import subprocess
import sys

QSTRDATA_RE = re.compile(r'^\s*\{(\d+)u, (\d+), "((?:[^"\\]|\\.)*)"\}, /\* (\w+) \*/$')
PORTABLE_SMALL_INT = 1 << 29  # as fits_portable_small_int in py/compile.c


def string_hash(data):
    # FNV-1a as es_hash_bytes() in py/qstr.c.
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h or 1


def c_unescape(text):
    out = bytearray()
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            nxt = text[i + 1]
            if nxt in "01234567":
                j = i + 1
                while j < len(text) and j < i + 4 and text[j] in "01234567":
                    j += 1
                out.append(int(text[i + 1:j], 8))
                i = j
                continue
            out.append(ord(nxt))
            i += 2
            continue
        out.append(ord(ch))
        i += 1
    return bytes(out)


def c_string(data):
    out = []
    for b in data:
        if b in (0x22, 0x5C):
            out.append("\\" + chr(b))
        elif 0x20 <= b < 0x7F and b != 0x3F:
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def read_static_qstrs(path):
    """The strings of the target build's qstr table, mapped to their C names."""
    names = {}
    with open(path) as f:
        for line in f:
            m = QSTRDATA_RE.match(line)
            if m:
                names[c_unescape(m.group(3))] = "ES_Q_" + m.group(4)
    return names


def unhex(token):
    return b"" if token == "-" else bytes.fromhex(token)


class Code:
    pass


class Reader:
    """Parses espy-freeze's output (see tools/freezer/espyfreeze.c)."""

    def __init__(self, text):
        self.lines = text.splitlines()
        self.pos = 0

    def next(self, expect):
        words = self.lines[self.pos].split(" ")
        self.pos += 1
        if words[0] != expect:
            raise ValueError("espy-freeze output: expected %s, got %r" % (expect, words[0]))
        return words[1:]

    def modules(self):
        out = []
        while self.pos < len(self.lines):
            name = unhex(self.next("module")[0]).decode()
            out.append((name, self.code()))
        return out

    def code(self):
        c = Code()
        w = self.next("code")
        (c.flags, c.n_pos, c.n_posonly, c.n_kwonly, c.n_slots, c.n_cells, c.n_free, c.stack_size, c.n_cache,
         c.first_line) = (int(x) for x in w[:10])
        c.name, c.qualname, c.filename = (unhex(x) for x in w[10:13])
        c.bytecode = []  # ints, or ("q", bytes) standing for two bytes
        for tok in self.next("bytecode"):
            c.bytecode.append(("q", unhex(tok[2:])) if tok.startswith("q:") else int(tok, 16))
        w = self.next("tables")
        c.tables = unhex(w[0])
        c.line_len = int(w[1])
        c.slots = [unhex(x) for x in self.next("slots") if x != ""]
        c.cells = [int(x) for x in self.next("cells") if x != ""]
        n = int(self.next("consts")[0])
        c.consts = [self.const() for _ in range(n)]
        self.next("end")
        return c

    def const(self):
        w = self.next("const")
        kind = w[0]
        if kind == "tuple":
            return ("tuple", [self.const() for _ in range(int(w[1]))])
        if kind == "code":
            return ("code", self.code())
        if kind in ("str", "bytes", "qstr"):
            return (kind, unhex(w[1]))
        if kind in ("int", "float", "complex"):
            return (kind, " ".join(w[1:]))
        return (kind, None)


class Emitter:
    def __init__(self, static_qstrs):
        self.static = static_qstrs
        self.frozen = {}  # bytes -> index in the frozen qstr table
        self.out = []
        self.n = 0

    def new_name(self, kind):
        self.n += 1
        return "fz_%s_%d" % (kind, self.n)

    # ---- qstrs -------------------------------------------------------------
    def collect_qstrs(self, code, found):
        for b in code.bytecode:
            if isinstance(b, tuple):
                found.add(b[1])
        found.update([code.name, code.qualname, code.filename])
        found.update(code.slots)
        for k in code.consts:
            self.collect_const_qstrs(k, found)

    def collect_const_qstrs(self, k, found):
        if k[0] == "qstr":
            found.add(k[1])
        elif k[0] == "tuple":
            for x in k[1]:
                self.collect_const_qstrs(x, found)
        elif k[0] == "code":
            self.collect_qstrs(k[1], found)

    def number_qstrs(self, found):
        own = sorted((s for s in found if s not in self.static), key=lambda s: (string_hash(s), s))
        self.frozen = {s: i for i, s in enumerate(own)}
        return own

    def qref(self, s):
        if s in self.static:
            return self.static[s]
        return "(ES_QSTR_NUM_STATIC + %d)" % self.frozen[s]

    # ---- constants ---------------------------------------------------------
    def const(self, k):
        kind, value = k
        if kind in ("none", "true", "false"):
            return "ES_OBJ_" + kind.upper()
        if kind == "ellipsis":
            return "ES_OBJ_ELLIPSIS"
        if kind == "qstr":
            return "ES_OBJ_NEW_QSTR(%s)" % self.qref(value)
        if kind in ("str", "bytes"):
            name = self.new_name(kind)
            self.out.append("static const es_obj_str_t %s = {{&es_type_%s}, %du, %d, (const uint8_t *)%s};" % (
                name, kind, string_hash(value), len(value), c_string(value)))
            return "ES_OBJ_FROM_CONST(%s)" % name
        if kind == "int":
            return self.int_const(int(value))
        if kind == "float":
            name = self.new_name("float")
            self.out.append("static const es_obj_float_t %s = {{&es_type_float}, %s};" % (
                name, float_literal(float(value))))
            return "ES_OBJ_FROM_CONST(%s)" % name
        if kind == "complex":
            z = complex(value)
            name = self.new_name("complex")
            self.out.append("#if ES_ENABLE_COMPLEX")
            self.out.append("static const es_frozen_complex_t %s = {{&es_type_complex}, %s, %s};" % (
                name, float_literal(z.real), float_literal(z.imag)))
            self.out.append("#else")
            self.out.append('#error "a frozen module uses complex numbers, which this build lacks"')
            self.out.append("#endif")
            return "ES_OBJ_FROM_CONST(%s)" % name
        if kind == "tuple":
            items = [self.const(x) for x in value]
            name = self.new_name("tuple")
            self.out.append("static const struct { es_obj_base_t base; size_t len; es_obj_t items[%d]; } %s = {" % (
                len(items), name))
            self.out.append("    {&es_type_tuple}, %d, {%s}};" % (len(items), ", ".join(items)))
            return "ES_OBJ_FROM_CONST(%s)" % name
        if kind == "code":
            return "ES_OBJ_FROM_CONST(%s)" % self.code(value)
        raise ValueError("cannot freeze a constant of kind " + kind)

    def int_const(self, v):
        if -PORTABLE_SMALL_INT <= v < PORTABLE_SMALL_INT:
            return "ES_OBJ_NEW_SMALL_INT(%d)" % v
        name = self.new_name("int")
        mag = abs(v)
        self.out.append("#if ES_MPZ_DIG_BITS == 32")
        self.big_int(name, v, digits(mag, 32))
        self.out.append("#else")
        self.big_int(name, v, digits(mag, 16))
        self.out.append("#endif")
        obj = "ES_OBJ_FROM_CONST(%s)" % name
        if -(1 << 63) <= v < (1 << 63):
            # A small int where the target's range holds it, as a run-time result would be.
            lit = "INT64_C(%d)" % v if v > -(1 << 63) else "INT64_MIN"
            return "(%s >= ES_SMALL_INT_MIN && %s <= ES_SMALL_INT_MAX ? ES_OBJ_NEW_SMALL_INT(%s) : %s)" % (
                lit, lit, lit, obj)
        return obj

    def big_int(self, name, v, digs):
        self.out.append("static const struct { es_obj_base_t base; uint32_t len; bool neg; es_mpz_dig_t dig[%d]; } "
                        "%s = {{&es_type_int}, %d, %s, {%s}};" % (len(digs), name, len(digs),
                                                                  "true" if v < 0 else "false",
                                                                  ", ".join("%du" % d for d in digs)))

    # ---- code objects ------------------------------------------------------
    def code(self, c):
        consts = [self.const(k) for k in c.consts]
        name = self.new_name("code")
        byte_items = []
        bc_len = 0
        for b in c.bytecode:
            if isinstance(b, tuple):
                q = self.qref(b[1])
                byte_items += ["ES_FROZEN_QSTR_LO(%s)" % q, "ES_FROZEN_QSTR_HI(%s)" % q]
                bc_len += 2
            else:
                byte_items.append("%d" % b)
                bc_len += 1
        byte_items += ["%d" % b for b in c.tables]
        # One const object laid out as py/bc.h's accessors compute: header, consts, bytes, slot
        # names, cell slots (C aligns the names as es_code_names_offset does). No lookup cache:
        # code in flash answers every look-up afresh.
        members = ["es_code_t code;"]
        inits = []
        if consts:
            members.append("es_obj_t consts[%d];" % len(consts))
            inits.append("{%s}" % ", ".join(consts))
        members.append("uint8_t bytes[%d];" % len(byte_items))
        inits.append("{\n        %s,\n    }" % ",\n        ".join(
            ", ".join(byte_items[i:i + 16]) for i in range(0, len(byte_items), 16)))
        if c.slots:
            members.append("es_code_qstr_t slot_names[%d];" % len(c.slots))
            inits.append("{%s}" % ", ".join(self.qref(x) for x in c.slots))
        if c.cells:
            members.append("uint16_t cells[%d];" % len(c.cells))
            inits.append("{%s}" % ", ".join(str(x) for x in c.cells))
        fields = {
            "bc_len": bc_len,
            "line_len": c.line_len,
            "exc_len": len(c.tables) - c.line_len,
            "n_consts": len(consts),
            "n_slots": c.n_slots,
            "n_cells": c.n_cells,
            "n_free": c.n_free,
            "stack_size": c.stack_size,
            "n_pos": c.n_pos,
            "n_posonly": c.n_posonly,
            "n_kwonly": c.n_kwonly,
            "name": self.qref(c.name),
            "qualname": self.qref(c.qualname),
            "filename": self.qref(c.filename),
            "flags": c.flags,
        }
        self.out.append("static const struct { %s } %s = {" % (" ".join(members), name))
        self.out.append("    {.base = {&es_type_code}, %s}," % ", ".join(".%s = %s" % kv for kv in fields.items()))
        for init in inits:
            self.out.append("    %s," % init)
        self.out.append("};")
        checks = ["offsetof(__typeof__(%s), bytes) == sizeof(es_code_t) + sizeof(es_obj_t) * %d" % (name, len(consts))]
        if c.slots:
            checks.append("offsetof(__typeof__(%s), slot_names) == ((offsetof(__typeof__(%s), bytes) + %d + "
                          "sizeof(es_code_qstr_t) - 1) & ~(sizeof(es_code_qstr_t) - 1))" % (name, name, len(byte_items)))
        self.out.append("_Static_assert(%s, \"frozen code layout\");" % " && ".join(checks))
        return name + ".code"


def digits(mag, bits):
    out = []
    while mag:
        out.append(mag & ((1 << bits) - 1))
        mag >>= bits
    return out


def float_literal(x):
    if x != x:
        return "(es_float_t)__builtin_nan(\"\")"
    if x in (float("inf"), float("-inf")):
        return "(es_float_t)%s__builtin_inf()" % ("-" if x < 0 else "")
    return "(es_float_t)%r" % x


def freeze_compiled(modules, compiler, qstrdata):
    """Compiles modules ({path: file}) with espy-freeze; returns (body lines, table entries, qstr entries)."""
    args = [compiler]
    for rel, path in modules.items():
        args += [rel, path]
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
    proc = subprocess.run(args, stdout=subprocess.PIPE, env=env)
    if proc.returncode != 0:
        sys.exit("makefrozen: %s failed" % compiler)
    compiled = Reader(proc.stdout.decode()).modules()
    em = Emitter(read_static_qstrs(qstrdata))
    found = set()
    for _, code in compiled:
        em.collect_qstrs(code, found)
    own = em.number_qstrs(found)
    em.out += ["#include \"py/mpz.h\"", ""]
    em.out.append("_Static_assert(ES_QSTR_NUM_STATIC + %d <= 1 << 14, \"frozen qstr numbers must fit two bytes\");"
                  % len(own))
    entries = []
    for rel, code in compiled:
        name = em.code(code)
        entries.append("    {%s, &%s, NULL, 0}," % (c_string(rel.encode()), name))
    qstrs = ["    {%du, %d, %s}," % (string_hash(s), len(s), c_string(s)) for s in own]
    return em.out, entries, qstrs
