/* lineedit.c: terminal line editing for the host REPL: cursor keys, history, auto-indent. */

#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ports/unix/lineedit.h"

/* History lives in static RAM only on the host build, where memory is plentiful. */
#define HISTORY_LEN (50)
#define LINE_MAX_BYTES (1024)

static char history[HISTORY_LEN][LINE_MAX_BYTES];
static int history_count;

static struct termios saved_termios;

static void term_write(const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(STDOUT_FILENO, s, n);
        if (w <= 0) {
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

static void term_puts(const char *s) { term_write(s, strlen(s)); }

static bool enter_raw_mode(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) != 0) {
        return false;
    }
    struct termios raw = saved_termios;
    raw.c_lflag &= (tcflag_t) ~(ECHO | ICANON | ISIG | IEXTEN);
    raw.c_iflag &= (tcflag_t) ~(IXON | ICRNL);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    return tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0;
}

static void leave_raw_mode(void) { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios); }

static int read_byte(void) {
    unsigned char c;
    return read(STDIN_FILENO, &c, 1) == 1 ? c : -1;
}

static void history_add(const char *line) {
    if (line[0] == '\0' || (history_count > 0 && strcmp(history[0], line) == 0)) {
        return;
    }
    memmove(history[1], history[0], sizeof(history[0]) * (HISTORY_LEN - 1));
    strncpy(history[0], line, LINE_MAX_BYTES - 1);
    history[0][LINE_MAX_BYTES - 1] = '\0';
    if (history_count < HISTORY_LEN) {
        history_count++;
    }
}

/* Redraws the line after the prompt and puts the cursor at `cursor`. */
static void redraw(const char *prompt, const char *buf, size_t len, size_t cursor) {
    term_puts("\r");
    term_puts(prompt);
    term_write(buf, len);
    term_puts("\x1b[K");
    for (size_t i = len; i > cursor; i--) {
        term_puts("\b");
    }
}

lineedit_result_t lineedit_read(const char *prompt, size_t indent, char *buf, size_t buf_size, size_t *out_len) {
    if (!enter_raw_mode()) {
        return LINEEDIT_NOT_A_TERMINAL;
    }
    size_t len = 0;
    size_t cursor = 0;
    int history_pos = -1;
    while (len < indent && len + 1 < buf_size) {
        buf[len++] = ' ';
    }
    cursor = len;
    redraw(prompt, buf, len, cursor);
    lineedit_result_t result = LINEEDIT_LINE;
    for (;;) {
        int c = read_byte();
        if (c < 0) {
            result = LINEEDIT_EOF;
            break;
        }
        if (c == '\r' || c == '\n') {
            break;
        }
        if (c == 3) { /* Ctrl-C */
            result = LINEEDIT_INTERRUPT;
            break;
        }
        if (c == 4) { /* Ctrl-D: end of input on an empty line, delete otherwise */
            if (len == 0) {
                result = LINEEDIT_EOF;
                break;
            }
            if (cursor < len) {
                memmove(buf + cursor, buf + cursor + 1, len - cursor - 1);
                len--;
            }
        } else if (c == 1) { /* Ctrl-A */
            cursor = 0;
        } else if (c == 5) { /* Ctrl-E */
            cursor = len;
        } else if (c == 11) { /* Ctrl-K */
            len = cursor;
        } else if (c == 127 || c == 8) {
            if (cursor > 0) {
                /* Backspace over auto-indent removes a whole level. */
                size_t n = 1;
                bool only_spaces = true;
                for (size_t i = 0; i < cursor; i++) {
                    only_spaces &= buf[i] == ' ';
                }
                if (only_spaces && cursor % 4 == 0) {
                    n = 4;
                }
                memmove(buf + cursor - n, buf + cursor, len - cursor);
                len -= n;
                cursor -= n;
            }
        } else if (c == 27) {
            int c1 = read_byte();
            int c2 = read_byte();
            if (c1 == '[' || c1 == 'O') {
                if (c2 == 'D' && cursor > 0) {
                    cursor--;
                } else if (c2 == 'C' && cursor < len) {
                    cursor++;
                } else if (c2 == 'H') {
                    cursor = 0;
                } else if (c2 == 'F') {
                    cursor = len;
                } else if (c2 == 'A' || c2 == 'B') {
                    int next = history_pos + (c2 == 'A' ? 1 : -1);
                    if (next >= -1 && next < history_count) {
                        history_pos = next;
                        const char *h = next < 0 ? "" : history[next];
                        len = strlen(h) < buf_size - 1 ? strlen(h) : buf_size - 1;
                        memcpy(buf, h, len);
                        cursor = len;
                    }
                } else if (c2 == '3') { /* Delete key: ESC [ 3 ~ */
                    read_byte();
                    if (cursor < len) {
                        memmove(buf + cursor, buf + cursor + 1, len - cursor - 1);
                        len--;
                    }
                }
            }
        } else if (c == '\t') {
            /* Tab indents to the next multiple of four. */
            do {
                if (len + 1 < buf_size) {
                    memmove(buf + cursor + 1, buf + cursor, len - cursor);
                    buf[cursor++] = ' ';
                    len++;
                }
            } while (cursor % 4 != 0 && len + 1 < buf_size);
        } else if (c >= 32 && len + 1 < buf_size) {
            memmove(buf + cursor + 1, buf + cursor, len - cursor);
            buf[cursor++] = (char)c;
            len++;
        }
        redraw(prompt, buf, len, cursor);
    }
    term_puts("\r\n");
    leave_raw_mode();
    buf[len] = '\0';
    *out_len = len;
    if (result == LINEEDIT_LINE) {
        history_add(buf);
    }
    return result;
}
