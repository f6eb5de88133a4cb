/* repl.c: deciding when interactive input is complete, and how far to indent the next line. */

#include <string.h>

#include "py/repl.h"

typedef struct input_shape_t {
    int bracket_depth;
    bool in_triple_quote;
    bool ends_with_backslash;
    bool compound; /* some line opened a block (ends in ':') */
    bool last_line_blank;
    size_t last_indent;
    bool last_ends_with_colon;
} input_shape_t;

/* One pass over the text, skipping comments and the insides of strings. */
static void scan_input(const char *s, size_t len, input_shape_t *shape) {
    memset(shape, 0, sizeof(*shape));
    char quote = 0;
    bool triple = false;
    size_t line_start = 0;
    char last_significant = 0;
    for (size_t i = 0; i <= len; i++) {
        char c = i < len ? s[i] : '\n';
        if (c == '\n') {
            if (quote == 0 || triple) {
                /* end of a physical line: record its shape */
                size_t indent = 0;
                while (line_start + indent < i && s[line_start + indent] == ' ') {
                    indent++;
                }
                bool blank = line_start + indent == i;
                if (quote == 0 && shape->bracket_depth == 0) {
                    shape->last_ends_with_colon = last_significant == ':';
                    if (last_significant == ':') {
                        shape->compound = true;
                    }
                }
                shape->last_line_blank = blank;
                if (!blank) {
                    shape->last_indent = indent;
                }
            } else {
                quote = 0; /* an unterminated single-quoted string ends with its line */
            }
            shape->ends_with_backslash = last_significant == '\\';
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
                while (i + 1 < len && s[i + 1] != '\n') {
                    i++;
                }
                break;
            case '\'':
            case '"':
                quote = c;
                triple = i + 2 < len && s[i + 1] == c && s[i + 2] == c;
                if (triple) {
                    i += 2;
                }
                last_significant = c;
                break;
            case '(': case '[': case '{':
                shape->bracket_depth++;
                last_significant = c;
                break;
            case ')': case ']': case '}':
                shape->bracket_depth--;
                last_significant = c;
                break;
            case ' ': case '\t': case '\r':
                break;
            default:
                last_significant = c;
                break;
        }
    }
    shape->in_triple_quote = quote != 0 && triple;
}

bool es_repl_continue_with_input(const char *input, size_t len) {
    input_shape_t shape;
    scan_input(input, len, &shape);
    if (shape.in_triple_quote || shape.bracket_depth > 0 || shape.ends_with_backslash) {
        return true;
    }
    /* A block is finished by an empty line. */
    return shape.compound && !shape.last_line_blank;
}

size_t es_repl_auto_indent(const char *input, size_t len) {
    input_shape_t shape;
    scan_input(input, len, &shape);
    if (shape.bracket_depth > 0 || shape.in_triple_quote) {
        return 0;
    }
    return shape.last_indent + (shape.last_ends_with_colon ? 4 : 0);
}
