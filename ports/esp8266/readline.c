/* readline.c: the friendly REPL's line editor: cursor keys, history, tab completion, auto-indent. */

#include <stdlib.h>
#include <string.h>

#include "ports/esp8266/port.h"
#include "py/frozen.h"
#include "py/objstr.h"
#include "py/runtime.h"

#define HISTORY_SIZE (8)
#define CTRL(c) ((c) & 0x1f)

/* History entries are str objects; newest first. */
static es_obj_t history[HISTORY_SIZE];
/* After "\r" ends a line a following "\n" is the rest of the same Enter (and vice versa). */
static int swallow_next;

void es_readline_init(void) {
    swallow_next = 0;
    for (size_t i = 0; i < HISTORY_SIZE; i++) {
        history[i] = ES_OBJ_NULL;
    }
}

void es_readline_mark_roots(void) { es_gc_mark_range((void *const *)history, HISTORY_SIZE); }

static void push_history(const char *line, size_t len) {
    if (len == 0) {
        return;
    }
    if (history[0] != ES_OBJ_NULL) {
        size_t old_len;
        const uint8_t *old = es_str_bytes(history[0], &old_len);
        if (old_len == len && memcmp(old, line, len) == 0) {
            return;
        }
    }
    es_obj_t entry = es_obj_new_str(line, len);
    memmove(&history[1], &history[0], (HISTORY_SIZE - 1) * sizeof(es_obj_t));
    history[0] = entry;
}

/* ---- terminal output ---------------------------------------------------------------- */

static void move_cursor_back(size_t n) {
    if (n == 0) {
        return;
    }
    if (n <= 4) {
        es_port_console_write("\b\b\b\b", n);
    } else {
        char buf[16];
        es_vstr_t v;
        es_vstr_init_fixed_buf(&v, sizeof(buf), buf);
        es_vstr_printf(&v, "\x1b[%uD", (unsigned)n);
        es_port_console_write(v.buf, v.len);
    }
}

static void erase_to_end_of_line(void) { es_port_console_write("\x1b[K", 3); }

/* ---- tab completion ------------------------------------------------------------------ */

static bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

/* Names visible from __main__ (globals, then builtins), or attributes of `obj` (dir()). */
static es_obj_t candidate_names(es_obj_t obj) {
    es_obj_t dir_fun = es_builtin_lookup(ES_Q_dir);
    if (obj != ES_OBJ_NULL) {
        return es_call_function_1(dir_fun, obj);
    }
    es_obj_t names = es_obj_new_list(0, NULL);
    es_obj_t main_module = es_obj_dict_get(es_obj_from_ptr(es_state.roots.loaded_modules), ES_OBJ_NEW_QSTR(ES_Q___main__));
    if (main_module != ES_OBJ_NULL) {
        es_obj_t list = es_call_function_1(dir_fun, main_module);
        size_t n;
        es_obj_t *items;
        es_obj_get_array(list, &n, &items);
        for (size_t i = 0; i < n; i++) {
            es_obj_list_append(names, items[i]);
        }
    }
    es_obj_t builtins = es_module_get_builtin(ES_Q_builtins);
    if (builtins != ES_OBJ_NULL) {
        es_obj_t list = es_call_function_1(dir_fun, builtins);
        size_t n;
        es_obj_t *items;
        es_obj_get_array(list, &n, &items);
        for (size_t i = 0; i < n; i++) {
            es_obj_list_append(names, items[i]);
        }
    }
    return names;
}

es_obj_t es_module_builtin_names(void); /* py/objmodule.c */

/* Built-in and frozen module names, for completion after "import ". */
static es_obj_t module_names(void) {
    es_obj_t names = es_module_builtin_names();
    for (size_t i = 0; i < es_frozen_table.n_modules; i++) {
        const char *path = es_frozen_table.modules[i].path;
        size_t len = strlen(path);
        if (len > 3 && strcmp(path + len - 3, ".py") == 0 && memchr(path, '/', len) == NULL) {
            es_obj_list_append(names, es_obj_new_str(path, len - 3));
        }
    }
    return names;
}

static int compare_str(const void *a, const void *b) {
    size_t la, lb;
    const uint8_t *sa = es_str_bytes(*(const es_obj_t *)a, &la);
    const uint8_t *sb = es_str_bytes(*(const es_obj_t *)b, &lb);
    int c = memcmp(sa, sb, la < lb ? la : lb);
    return c != 0 ? c : (la > lb) - (la < lb);
}

#define WORD_SLOT (16)
#define MAX_LINE (4 * WORD_SLOT)

static void print_matches(es_obj_t *names, size_t n, const char *word, size_t word_len) {
    size_t line_len = MAX_LINE; /* the first name starts a new line */
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const uint8_t *s = es_str_bytes(names[i], &len);
        if (len < word_len || memcmp(s, word, word_len) != 0 || (i > 0 && compare_str(&names[i], &names[i - 1]) == 0)) {
            continue;
        }
        if (word_len == 0 && len > 0 && s[0] == '_') {
            continue;
        }
        size_t gap = (line_len + WORD_SLOT - 1) / WORD_SLOT * WORD_SLOT - line_len;
        if (gap < 2) {
            gap += WORD_SLOT;
        }
        if (line_len + gap + len <= MAX_LINE) {
            es_port_console_write("                                ", gap);
            es_port_console_write((const char *)s, len);
            line_len += gap + len;
        } else {
            es_port_console_write("\r\n", 2);
            es_port_console_write((const char *)s, len);
            line_len = len;
        }
    }
    es_port_console_write("\r\n", 2);
}

/* Completes text (the line up to the cursor). Returns the bytes to insert in *out, or
** SIZE_MAX after printing several matches, or 0. */
static size_t complete(const char *text, size_t len, es_vstr_t *out) {
    /* Blank so far (or after whitespace): Tab indents. */
    if (len == 0 || text[len - 1] == ' ') {
        es_vstr_add_strn(out, "    ", 4);
        return 4;
    }
    size_t start = len;
    while (start > 0 && is_name_char(text[start - 1])) {
        start--;
    }
    const char *word = text + start;
    size_t word_len = len - start;
    bool after_import = start >= 7 && memcmp(text, "import ", 7) == 0 && start == 7;
    if (start == 0 && word_len <= 6 && word_len >= 1 && memcmp("import", word, word_len) == 0 &&
        memchr(word, '.', word_len) == NULL) {
        /* Short-cut: "imp" gives "import ". */
        bool other = false;
        es_obj_t names = candidate_names(ES_OBJ_NULL);
        size_t n;
        es_obj_t *items;
        es_obj_get_array(names, &n, &items);
        for (size_t i = 0; i < n && !other; i++) {
            size_t l;
            const uint8_t *s = es_str_bytes(items[i], &l);
            other = l >= word_len && memcmp(s, word, word_len) == 0;
        }
        if (!other) {
            es_vstr_add_strn(out, "import " + word_len, 7 - word_len);
            return 7 - word_len;
        }
    }
    /* Resolve "a.b." from __main__. */
    es_obj_t obj = ES_OBJ_NULL;
    const char *dot = NULL;
    for (const char *p = word; p < word + word_len; p++) {
        if (*p == '.') {
            dot = p;
        }
    }
    if (dot != NULL) {
        es_obj_t main_module = es_obj_dict_get(es_obj_from_ptr(es_state.roots.loaded_modules), ES_OBJ_NEW_QSTR(ES_Q___main__));
        es_obj_t globals = es_obj_from_ptr(((es_obj_module_t *)es_obj_to_ptr(main_module))->globals);
        const char *part = word;
        while (part < dot) {
            const char *end = memchr(part, '.', (size_t)(dot - part) + 1);
            es_qstr_t q = es_qstr_from_strn(part, (size_t)(end - part));
            if (obj == ES_OBJ_NULL) {
                obj = es_obj_dict_get(globals, ES_OBJ_NEW_QSTR(q));
                if (obj == ES_OBJ_NULL) {
                    obj = es_builtin_lookup(q);
                }
            } else {
                obj = es_load_attr_maybe(obj, q);
            }
            if (obj == ES_OBJ_NULL) {
                return 0;
            }
            part = end + 1;
        }
        word = dot + 1;
        word_len = (size_t)(text + len - word);
    }
    es_obj_t names = after_import && dot == NULL ? module_names() : candidate_names(obj);
    size_t n;
    es_obj_t *items;
    es_obj_get_array(names, &n, &items);
    qsort(items, n, sizeof(es_obj_t), compare_str);
    /* Longest common prefix of the matches. */
    size_t n_match = 0, common = 0;
    const uint8_t *first = NULL;
    for (size_t i = 0; i < n; i++) {
        size_t l;
        const uint8_t *s = es_str_bytes(items[i], &l);
        if (l < word_len || memcmp(s, word, word_len) != 0) {
            continue;
        }
        if (word_len == 0 && l > 0 && s[0] == '_') {
            continue;
        }
        if (first == NULL) {
            first = s;
            common = l;
        } else {
            size_t k = word_len;
            while (k < common && k < l && s[k] == first[k]) {
                k++;
            }
            if (k < common) {
                common = k;
            }
            if (l == common && memcmp(s, first, l) == 0) {
                continue; /* a duplicate name */
            }
        }
        n_match++;
    }
    if (n_match == 0) {
        return 0;
    }
    if (n_match == 1 || common > word_len) {
        es_vstr_add_strn(out, (const char *)first + word_len, common - word_len);
        return common - word_len;
    }
    print_matches(items, n, word, word_len);
    return SIZE_MAX;
}

/* ---- the editor -------------------------------------------------------------------- */

typedef struct {
    es_vstr_t *line;
    size_t orig_len; /* bytes before this line (earlier lines of the statement) */
    size_t cursor;
    int hist_cur;
    bool indent_just_added;
    const char *prompt;
} editor_t;

/* Auto-indent: the indentation of the previous line (in steps of 4), one step more after a
** colon; none when the previous two lines are both blank. */
static void auto_indent(editor_t *ed) {
    es_vstr_t *line = ed->line;
    if (line->len < 2 || line->buf[line->len - 1] != '\n') {
        return;
    }
    size_t i = line->len - 1;
    while (i > 0 && line->buf[i - 1] != '\n') {
        i--;
    }
    size_t j = i;
    while (j < line->len && line->buf[j] == ' ') {
        j++;
    }
    if (i > 0 && j + 1 == line->len) {
        for (size_t k = i - 1; k > 0; k--) {
            if (line->buf[k - 1] == '\n') {
                return; /* the last two lines are blank */
            }
            if (line->buf[k - 1] != ' ') {
                break;
            }
        }
    }
    size_t n = (j - i) / 4;
    if (line->buf[line->len - 2] == ':') {
        n++;
    }
    while (n-- > 0) {
        es_vstr_add_strn(line, "    ", 4);
        es_port_console_write("    ", 4);
        ed->cursor += 4;
        ed->indent_just_added = true;
    }
}

static void delete_bytes(es_vstr_t *v, size_t at, size_t n) {
    memmove(v->buf + at, v->buf + at + n, v->len - at - n);
    v->len -= n;
}

int es_readline(es_vstr_t *line, const char *prompt) {
    editor_t ed = {line, line->len, line->len, -1, false, prompt};
    es_port_console_write_str(prompt);
    auto_indent(&ed);
    enum { PLAIN, ESC, CSI, ESC_O } esc_state = PLAIN;
    unsigned csi_param = 0;
    for (;;) {
        int c = es_port_stdin_read_byte();
        size_t last_len = line->len;
        size_t step_back = 0, step_forward = 0;
        bool redraw_from_cursor = false;
        bool empty = line->len == ed.orig_len;
        bool just_added = ed.indent_just_added;
        ed.indent_just_added = false;
        if (esc_state == PLAIN) {
            if (c == swallow_next) {
                swallow_next = 0;
                ed.indent_just_added = just_added;
                continue;
            }
            swallow_next = 0;
            if (c == '\r' || c == '\n') {
                es_port_console_write("\r\n", 2);
                push_history(line->buf + ed.orig_len, line->len - ed.orig_len);
                swallow_next = c == '\r' ? '\n' : '\r';
                return 0;
            } else if (c == CTRL('A') && empty) {
                return CTRL('A');
            } else if (c == CTRL('B') && empty) {
                return CTRL('B');
            } else if (c == CTRL('C')) {
                return CTRL('C');
            } else if (c == CTRL('D') && empty) {
                return CTRL('D');
            } else if (c == CTRL('E') && empty) {
                return CTRL('E');
            } else if (c == CTRL('A')) {
                step_back = ed.cursor - ed.orig_len;
            } else if (c == CTRL('E')) {
                step_forward = line->len - ed.cursor;
            } else if (c == 8 || c == 127) {
                if (ed.cursor > ed.orig_len) {
                    size_t n_spaces = 0;
                    for (size_t i = ed.orig_len; i < ed.cursor; i++) {
                        if (line->buf[i] != ' ') {
                            n_spaces = 0;
                            break;
                        }
                        n_spaces++;
                    }
                    size_t n = n_spaces >= 4 ? 4 : 1;
                    delete_bytes(line, ed.cursor - n, n);
                    step_back = n;
                    redraw_from_cursor = true;
                }
            } else if (c == '\t') {
                if (just_added) {
                    ed.indent_just_added = true; /* Tab keeps the auto-indent */
                    continue;
                }
                es_vstr_t insert;
                es_vstr_init(&insert, 16);
                size_t n = complete(line->buf + ed.orig_len, ed.cursor - ed.orig_len, &insert);
                if (n == SIZE_MAX) {
                    es_port_console_write_str(ed.prompt);
                    es_port_console_write(line->buf + ed.orig_len, ed.cursor - ed.orig_len);
                    redraw_from_cursor = true;
                } else if (n > 0) {
                    es_vstr_ins_strn(line, ed.cursor, insert.buf, insert.len);
                    redraw_from_cursor = true;
                    step_forward = n;
                }
            } else if (c == 0x1b) {
                esc_state = ESC;
                ed.indent_just_added = just_added;
                continue;
            } else if (c == ' ' && just_added) {
                /* Pasted code brings its own indentation: give back the auto-indent. */
                delete_bytes(line, ed.cursor - 3, 3);
                step_back = 3;
                redraw_from_cursor = true;
            } else if (c >= 0x20 && c <= 0x7e) {
                char ch = (char)c;
                es_vstr_ins_strn(line, ed.cursor, &ch, 1);
                redraw_from_cursor = true;
                step_forward = 1;
            } else {
                continue; /* other control bytes and non-ASCII are ignored */
            }
        } else if (esc_state == ESC) {
            esc_state = c == '[' ? CSI : c == 'O' ? ESC_O : PLAIN;
            csi_param = 0;
            continue;
        } else {
            int key = c;
            if (esc_state == CSI && c >= '0' && c <= '9') {
                csi_param = csi_param * 10 + (unsigned)(c - '0');
                continue;
            }
            if (esc_state == CSI && c == '~') {
                key = csi_param == 1 || csi_param == 7 ? 'H' : csi_param == 4 || csi_param == 8 ? 'F' : csi_param == 3 ? 'X' : 0;
            } else if (esc_state == ESC_O && c != 'H' && c != 'F') {
                key = 0;
            }
            esc_state = PLAIN;
            if (key == 'A') {
                if (ed.hist_cur + 1 < HISTORY_SIZE && history[ed.hist_cur + 1] != ES_OBJ_NULL) {
                    ed.hist_cur++;
                    line->len = ed.orig_len;
                    size_t l;
                    const uint8_t *s = es_str_bytes(history[ed.hist_cur], &l);
                    es_vstr_add_strn(line, (const char *)s, l);
                    step_back = ed.cursor - ed.orig_len;
                    redraw_from_cursor = true;
                    step_forward = line->len - ed.orig_len;
                }
            } else if (key == 'B') {
                if (ed.hist_cur >= 0) {
                    ed.hist_cur--;
                    line->len = ed.orig_len;
                    if (ed.hist_cur >= 0) {
                        size_t l;
                        const uint8_t *s = es_str_bytes(history[ed.hist_cur], &l);
                        es_vstr_add_strn(line, (const char *)s, l);
                    }
                    step_back = ed.cursor - ed.orig_len;
                    redraw_from_cursor = true;
                    step_forward = line->len - ed.orig_len;
                }
            } else if (key == 'C') {
                if (ed.cursor < line->len) {
                    step_forward = 1;
                }
            } else if (key == 'D') {
                if (ed.cursor > ed.orig_len) {
                    step_back = 1;
                }
            } else if (key == 'H') {
                step_back = ed.cursor - ed.orig_len;
            } else if (key == 'F') {
                step_forward = line->len - ed.cursor;
            } else if (key == 'X') {
                if (ed.cursor < line->len) {
                    delete_bytes(line, ed.cursor, 1);
                    redraw_from_cursor = true;
                }
            } else {
                continue;
            }
        }
        /* Redraw: back up, rewrite the tail, put the cursor where it belongs. */
        if (step_back > 0) {
            move_cursor_back(step_back);
            ed.cursor -= step_back;
        }
        if (redraw_from_cursor) {
            if (line->len < last_len) {
                erase_to_end_of_line();
            }
            es_port_console_write(line->buf + ed.cursor, line->len - ed.cursor);
            move_cursor_back(line->len - (ed.cursor + step_forward));
            ed.cursor += step_forward;
        } else if (step_forward > 0) {
            es_port_console_write(line->buf + ed.cursor, step_forward);
            ed.cursor += step_forward;
        }
    }
}
