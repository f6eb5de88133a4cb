/* pyexec.c: the serial REPL in its modes (friendly, paste, raw, raw-paste) and running boot.py/main.py. */

#include <string.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/port.h"
#include "py/exec.h"
#include "py/portio.h"
#include "py/repl.h"
#include "py/runtime.h"

#define CTRL_A (1)
#define CTRL_B (2)
#define CTRL_C (3)
#define CTRL_D (4)
#define CTRL_E (5)

/* Raw-paste window: half the stdin ring, so two windows never overflow it. */
#define RAW_PASTE_WINDOW (ES_PORT_STDIN_SIZE / 2)

es_pyexec_mode_t es_pyexec_mode = ES_PYEXEC_FRIENDLY;
bool es_pyexec_soft_reset_requested;

/* Exit codes of run_source. */
#define RUN_OK (1)
#define RUN_EXCEPTION (0)
#define RUN_SYSTEM_EXIT (2)

#define PRINT_EOF (1)   /* raw REPL framing: \x04 after the output and after the error text */
#define SYSTEM_EXIT_RESETS (2) /* SystemExit asks for a soft reset (code typed at the REPL) */

/* MicroPython prints an exception without arguments as "Name: " (tracebacks end that way). */
void es_pyexec_print_exception(es_obj_t exc) {
    es_vstr_t text;
    es_print_t print;
    es_vstr_init_print(&text, 64, &print);
    /* A compile error carries (file, line, ...) in its arguments instead of a traceback. */
    if (es_obj_is_exception_instance(exc) && es_obj_exception_match(exc, &es_type_SyntaxError)) {
        es_obj_exception_t *e = es_obj_to_ptr(exc);
        size_t n_args, n_where;
        es_obj_t *args, *where;
        es_obj_get_array(e->args, &n_args, &args);
        if (e->traceback == ES_OBJ_NULL && n_args >= 2 &&
            (es_obj_is_type(args[1], &es_type_tuple)) ) {
            es_obj_get_array(args[1], &n_where, &where);
            if (n_where >= 2) {
                es_printf(&print, "Traceback (most recent call last):\n  File \"%O\", line %O\n%s: %O\n", where[0],
                          where[1], es_obj_type_name(exc), args[0]);
                es_port_console_write_text(text.buf, text.len);
                return;
            }
        }
    }
    es_obj_exception_print_traceback(&print, exc);
    /* An instance of a class derived from an exception keeps its native part elsewhere, so
    ** its args are found as an attribute, which every exception has. */
    es_obj_t exc_args = es_obj_is_exception_instance(exc) ? es_load_attr_maybe(exc, ES_Q_args) : ES_OBJ_NULL;
    if (exc_args != ES_OBJ_NULL && es_obj_is_type(exc_args, &es_type_tuple)) {
        size_t n_args;
        es_obj_t *args;
        es_obj_get_array(exc_args, &n_args, &args);
        if (n_args == 0 && text.len > 0 && text.buf[text.len - 1] == '\n') {
            text.len--;
            es_vstr_add_str(&text, ": \n");
        }
    }
    es_port_console_write_text(text.buf, text.len);
}

static es_obj_dict_t *main_globals(void) {
    es_obj_t main_module = es_obj_dict_get(es_obj_from_ptr(es_state.roots.loaded_modules), ES_OBJ_NEW_QSTR(ES_Q___main__));
    return ((es_obj_module_t *)es_obj_to_ptr(main_module))->globals;
}

/* Compiles and runs source in __main__ with Ctrl-C enabled; prints an uncaught exception. */
static int run_source_from(es_source_t *src, es_qstr_t filename, es_input_kind_t kind, int flags) {
    int ret;
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_obj_dict_t *globals = main_globals();
        es_port_set_interrupt_char(CTRL_C);
        es_exec_from(src, filename, kind, globals, globals);
        es_port_set_interrupt_char(-1);
        es_handle_pending(); /* a Ctrl-C that came at the very end */
        es_nlr_pop();
        ret = RUN_OK;
        if (flags & PRINT_EOF) {
            es_port_console_write("\x04", 1);
        }
    } else {
        es_port_set_interrupt_char(-1);
        es_state.roots.pending_exception = ES_OBJ_NULL;
        if (flags & PRINT_EOF) {
            es_port_console_write("\x04", 1);
        }
        if (es_obj_exception_match(nlr.ret_val, &es_type_SystemExit)) {
            ret = RUN_SYSTEM_EXIT;
        } else {
            es_pyexec_print_exception(nlr.ret_val);
            ret = RUN_EXCEPTION;
        }
    }
    if (flags & PRINT_EOF) {
        es_port_console_write("\x04", 1);
    }
    return ret;
}

static int run_source(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind, int flags) {
    es_source_t source;
    es_source_from_memory(&source, src, len);
    return run_source_from(&source, filename, kind, flags);
}

/* ---- running files ------------------------------------------------------------------ */

/* boot.py and main.py are compiled as they are read, in chunks: never whole in the heap. */
bool es_pyexec_file_if_exists(const char *name) {
    if (es_port_stat_kind(name) != 1) {
        return true;
    }
    es_source_t source;
    bool opened = false;
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        opened = es_port_open_source(name, &source);
        es_nlr_pop();
    } else {
        es_pyexec_print_exception(nlr.ret_val);
        return false;
    }
    if (!opened) {
        return true;
    }
    return run_source_from(&source, es_qstr_from_str(name), ES_INPUT_FILE, 0) != RUN_EXCEPTION;
}

/* ---- the banner --------------------------------------------------------------------- */

/* mpremote and Thonny look for "MicroPython v"; the version says what runs underneath. */
#define ES_PORT_VERSION "v" ES_MICROPYTHON_VERSION_TEXT "-espy-" ES_ESPY_VERSION_TEXT
#define ES_PORT_BUILD_DATE "2026-11-24"

void es_port_print_banner(void) {
    uint32_t size = es_chip_flash_size();
    const char *board = size >= 2048u * 1024 ? "ESP module" : size >= 1024u * 1024 ? "ESP module (1M)" : "ESP module (512K)";
    es_port_console_write_str("MicroPython " ES_PORT_VERSION " on " ES_PORT_BUILD_DATE "; ");
    es_port_console_write_str(board);
    es_port_console_write_str(" with ESP8266\r\nType \"help()\" for more information.\r\n");
}

/* ---- friendly REPL ------------------------------------------------------------------- */

/* Does the input start with this keyword as a whole word? */
static bool starts_with_word(const char *s, size_t len, const char *word) {
    size_t n = strlen(word);
    if (len < n || memcmp(s, word, n) != 0) {
        return false;
    }
    if (len == n) {
        return true;
    }
    char c = s[n];
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
}

/*
** The keyword rule, as MicroPython's ports decide it: ask for another line while a triple-quoted
** string is open, while a bracket is open outside a one-quote string, after a trailing
** backslash, or while a statement that starts with a compound keyword has no empty last line.
*/
static bool continue_with_input(const char *s, size_t len) {
    static const char *const compound[] = {"if", "while", "for", "try", "with", "def", "class", "async"};
    if (len == 0) {
        return false;
    }
    es_repl_scan_t scan;
    es_repl_scan(s, len, ES_REPL_READ_AS_REFERENCE, &scan);
    if (scan.open_string == 3) {
        return true;
    }
    if (scan.open_string == 0 && (scan.open_round > 0 || scan.open_square > 0 || scan.open_curly > 0)) {
        return true;
    }
    if (s[len - 1] == '\\') {
        return true;
    }
    bool is_compound = s[0] == '@';
    for (size_t k = 0; k < ES_ARRAY_SIZE(compound) && !is_compound; k++) {
        is_compound = starts_with_word(s, len, compound[k]);
    }
    return is_compound && s[len - 1] != '\n';
}

static bool is_blank(const es_vstr_t *line) {
    return line->len == 0;
}

int es_pyexec_friendly_repl(void) {
    es_port_print_banner();
    for (;;) {
        es_vstr_t line;
        es_vstr_init(&line, 32);
    input_restart:
        line.len = 0;
        int ret = es_readline(&line, ">>> ");
        es_input_kind_t kind = ES_INPUT_SINGLE;
        if (ret == CTRL_A) {
            es_port_console_write_str("\r\n");
            es_pyexec_mode = ES_PYEXEC_RAW;
            return 1;
        } else if (ret == CTRL_B) {
            es_port_console_write_str("\r\n");
            es_port_print_banner();
            continue;
        } else if (ret == CTRL_C) {
            es_port_console_write_str("\r\n");
            continue;
        } else if (ret == CTRL_D) {
            es_port_console_write_str("\r\n");
            return 0;
        } else if (ret == CTRL_E) {
            es_port_console_write_str("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
            line.len = 0;
            for (;;) {
                int c = es_port_stdin_read_byte();
                if (c == CTRL_C) {
                    es_port_console_write_str("\r\n");
                    goto input_restart;
                } else if (c == CTRL_D) {
                    es_port_console_write_str("\r\n");
                    break;
                }
                es_vstr_add_byte(&line, (uint8_t)c);
                if (c == '\r') {
                    es_port_console_write_str("\r\n=== ");
                } else {
                    char ch = (char)c;
                    es_port_console_write(&ch, 1);
                }
            }
        } else if (is_blank(&line)) {
            continue;
        } else {
            while (continue_with_input(line.buf, line.len)) {
                es_vstr_add_byte(&line, '\n');
                ret = es_readline(&line, "... ");
                if (ret == CTRL_C) {
                    es_port_console_write_str("\r\n");
                    goto input_restart;
                } else if (ret == CTRL_D) {
                    break;
                }
            }
        }
        if (run_source(line.buf, line.len, ES_Q__S_stdin, kind, 0) == RUN_SYSTEM_EXIT) {
            return 0;
        }
    }
}

/* ---- raw REPL and raw-paste ------------------------------------------------------------ */

/* Raw-paste flow control: one more byte of the window received; when the window is used
** up, a \x01 tells the host it may send the next one. Returns what is left of the window. */
static size_t window_after_byte(size_t window_left) {
    if (--window_left == 0) {
        es_port_console_write("\x01", 1);
        window_left = RAW_PASTE_WINDOW;
    }
    return window_left;
}

/* Raw-paste: receives the code with flow control, then runs it. Returns false when the code
** asked for a soft reset. */
static bool raw_paste(void) {
    static const char reply[] = {'R', 1, RAW_PASTE_WINDOW & 0xff, RAW_PASTE_WINDOW >> 8, 1};
    es_port_console_write(reply, sizeof(reply));
    es_vstr_t code;
    es_vstr_init(&code, 64);
    volatile size_t window_left = RAW_PASTE_WINDOW;
    volatile int end = 0;
    es_obj_t error = ES_OBJ_NULL;
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        while (end == 0) {
            int c = es_port_stdin_read_byte();
            if (c == CTRL_C || c == CTRL_D) {
                end = c;
                break;
            }
            window_left = window_after_byte(window_left);
            es_vstr_add_byte(&code, (uint8_t)c);
        }
        es_nlr_pop();
    } else {
        /* No memory for the code: the rest is read and dropped, the error reported. */
        error = nlr.ret_val;
        while (end == 0) {
            int c = es_port_stdin_read_byte();
            if (c == CTRL_C || c == CTRL_D) {
                end = c;
            } else {
                window_left = window_after_byte(window_left);
            }
        }
    }
    es_port_console_write("\x04", 1);
    if (end == CTRL_C) {
        error = es_state.roots.keyboard_interrupt;
        es_obj_exception_clear_traceback(error);
    }
    if (error != ES_OBJ_NULL) {
        es_port_console_write("\x04", 1);
        es_pyexec_print_exception(error);
        es_port_console_write("\x04", 1);
        return true;
    }
    return run_source(code.buf, code.len, ES_Q__S_stdin, ES_INPUT_FILE, PRINT_EOF) != RUN_SYSTEM_EXIT;
}

int es_pyexec_raw_repl(void) {
    es_vstr_t line;
    es_vstr_init(&line, 32);
raw_repl_reset:
    es_port_console_write_str("raw REPL; CTRL-B to exit\r\n");
    for (;;) {
        line.len = 0;
        es_port_console_write(">", 1);
        for (;;) {
            int c = es_port_stdin_read_byte();
            if (c == CTRL_A) {
                if (line.len == 2 && line.buf[0] == CTRL_E) {
                    if (line.buf[1] != 'A') {
                        es_port_console_write("R\x00", 2); /* a raw-paste variant this device does not know */
                        line.len = 0;
                        es_port_console_write(">", 1);
                        continue;
                    }
                    line.len = 0;
                    if (!raw_paste()) {
                        return 0;
                    }
                    es_port_console_write(">", 1);
                    continue;
                }
                goto raw_repl_reset;
            } else if (c == CTRL_B) {
                es_port_console_write_str("\r\n");
                es_pyexec_mode = ES_PYEXEC_FRIENDLY;
                return 1;
            } else if (c == CTRL_C) {
                line.len = 0;
            } else if (c == CTRL_D) {
                break;
            } else {
                es_vstr_add_byte(&line, (uint8_t)c);
            }
        }
        es_port_console_write("OK", 2);
        if (line.len == 0) {
            es_port_console_write_str("\r\n");
            return 0;
        }
        if (run_source(line.buf, line.len, ES_Q__S_stdin, ES_INPUT_FILE, PRINT_EOF) == RUN_SYSTEM_EXIT) {
            return 0;
        }
    }
}
