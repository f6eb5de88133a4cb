/* repl.c: reading interactive input: open strings and brackets, when a statement is complete, how far to indent. */

#include <string.h>

#include "py/repl.h"

static int open_brackets(const es_repl_scan_t *scan) {
    return scan->open_round + scan->open_square + scan->open_curly;
}

/* Records the shape of a physical line that ended outside any one-quote string. */
static void end_line(es_repl_scan_t *scan, const char *line, size_t len, char last_significant, bool in_string) {
    size_t indent = 0;
    while (indent < len && line[indent] == ' ') {
        indent++;
    }
    if (!in_string && open_brackets(scan) == 0) {
        scan->last_ends_with_colon = last_significant == ':';
        scan->opened_block |= last_significant == ':';
    }
    scan->last_line_blank = indent == len;
    if (!scan->last_line_blank) {
        scan->last_indent = indent;
    }
}

void es_repl_scan(const char *s, size_t len, es_repl_reading_t reading, es_repl_scan_t *scan) {
    memset(scan, 0, sizeof(*scan));
    bool as_python = reading == ES_REPL_READ_AS_PYTHON;
    char quote = 0;
    bool triple = false;
    size_t line_start = 0;
    char last_significant = 0;
    /* The text is read as if it ended with a newline, so the last line is recorded too. */
    for (size_t i = 0; i <= len; i++) {
        char c = i < len ? s[i] : '\n';
        bool in_one_quote_string = quote != 0 && !triple;
        if (c == '\n' && (as_python || !in_one_quote_string)) {
            if (in_one_quote_string) {
                quote = 0;
            } else {
                end_line(scan, s + line_start, i - line_start, last_significant, quote != 0);
            }
            scan->ends_with_backslash = last_significant == '\\';
            last_significant = 0;
            line_start = i + 1;
            continue;
        }
        if (quote != 0) {
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                if (!triple) {
                    quote = 0;
                } else if (i + 2 < len && s[i + 1] == quote && s[i + 2] == quote) {
                    quote = 0;
                    i += 2;
                }
            }
            continue;
        }
        switch (c) {
            case '#':
                if (as_python) {
                    while (i + 1 < len && s[i + 1] != '\n') {
                        i++;
                    }
                    continue;
                }
                break;
            case '\'':
            case '"':
                quote = c;
                triple = i + 2 < len && s[i + 1] == c && s[i + 2] == c;
                if (triple) {
                    i += 2;
                }
                break;
            case '(': scan->open_round++; break;
            case ')': scan->open_round--; break;
            case '[': scan->open_square++; break;
            case ']': scan->open_square--; break;
            case '{': scan->open_curly++; break;
            case '}': scan->open_curly--; break;
            case ' ': case '\t': case '\r':
                continue;
            default:
                break;
        }
        last_significant = c;
    }
    scan->open_string = quote == 0 ? 0 : triple ? 3 : 1;
}

bool es_repl_continue_with_input(const char *input, size_t len) {
    es_repl_scan_t scan;
    es_repl_scan(input, len, ES_REPL_READ_AS_PYTHON, &scan);
    if (scan.open_string == 3 || open_brackets(&scan) > 0 || scan.ends_with_backslash) {
        return true;
    }
    /* A block is finished by an empty line. */
    return scan.opened_block && !scan.last_line_blank;
}

size_t es_repl_auto_indent(const char *input, size_t len) {
    es_repl_scan_t scan;
    es_repl_scan(input, len, ES_REPL_READ_AS_PYTHON, &scan);
    if (open_brackets(&scan) > 0 || scan.open_string == 3) {
        return 0;
    }
    return scan.last_indent + (scan.last_ends_with_colon ? 4 : 0);
}
