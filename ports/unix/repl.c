/* repl.c: the host's interactive prompt: >>> and ... prompts, auto-indent, Ctrl-C, Ctrl-D. */

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ports/unix/lineedit.h"
#include "ports/unix/unix.h"
#include "py/exec.h"
#include "py/portio.h"
#include "py/repl.h"
#include "py/runtime.h"

#define REPL_LINE_BYTES (1024)

typedef enum { READ_OK, READ_EOF, READ_INTERRUPT } read_status_t;

/* Reads one line, with editing when stdin is a terminal and plainly otherwise. */
static read_status_t read_line(const char *prompt, size_t indent, es_vstr_t *out) {
    char buf[REPL_LINE_BYTES];
    size_t len;
    fflush(stdout);
    lineedit_result_t r = lineedit_read(prompt, indent, buf, sizeof(buf), &len);
    if (r == LINEEDIT_NOT_A_TERMINAL) {
        fputs(prompt, stdout);
        fflush(stdout);
        if (fgets(buf, sizeof(buf), stdin) == NULL) {
            return READ_EOF;
        }
        len = strcspn(buf, "\n");
        r = LINEEDIT_LINE;
    }
    if (r == LINEEDIT_EOF) {
        return READ_EOF;
    }
    if (r == LINEEDIT_INTERRUPT) {
        return READ_INTERRUPT;
    }
    es_vstr_add_strn(out, buf, len);
    return READ_OK;
}

/* Reads a complete statement (several lines for a block); returns false at end of input. */
static read_status_t read_statement(es_vstr_t *input) {
    read_status_t r = read_line(">>> ", 0, input);
    while (r == READ_OK && es_repl_continue_with_input(input->buf, input->len)) {
        size_t indent = es_repl_auto_indent(input->buf, input->len);
        es_vstr_add_byte(input, '\n');
        r = read_line("... ", indent, input);
    }
    return r;
}

int unix_repl(es_obj_dict_t *globals) {
    es_printf(&es_plat_print, "espy " ES_ESPY_VERSION_TEXT " on linux; Python 3 for the ESP8266\nUse Ctrl-D to exit\n");
    for (;;) {
        es_vstr_t input;
        es_vstr_init(&input, 64);
        read_status_t r = read_statement(&input);
        if (r == READ_EOF) {
            es_printf(&es_plat_print, "\n");
            return 0;
        }
        if (r == READ_INTERRUPT) {
            es_printf(&es_plat_print, "KeyboardInterrupt\n");
            continue;
        }
        bool blank = true;
        for (size_t i = 0; i < input.len; i++) {
            blank &= input.buf[i] == ' ' || input.buf[i] == '\n' || input.buf[i] == '\t';
        }
        if (blank) {
            continue;
        }
        es_nlr_buf_t nlr;
        if (es_nlr_push(&nlr) == 0) {
            es_exec_source(input.buf, input.len, ES_Q__S_stdin, ES_INPUT_SINGLE, globals, globals);
            es_nlr_pop();
        } else if (es_obj_exception_match(nlr.ret_val, &es_type_SystemExit)) {
            return unix_handle_uncaught(nlr.ret_val);
        } else {
            unix_handle_uncaught(nlr.ret_val);
        }
        fflush(stdout);
    }
}
