/* main.c: the firmware's start: interpreter start, _boot.py, boot.py, main.py, the REPL, soft reset. */

#include <string.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "ports/esp8266/port.h"
#include "ports/esp8266/wifi.h"
#include "py/exec.h"
#include "py/portio.h"
#include "py/runtime.h"


static es_obj_t new_str(const char *s) { return es_obj_new_str(s, strlen(s)); }

void es_port_gc_mark_roots(void) {
    es_port_dupterm_mark_roots();
    es_readline_mark_roots();
    es_machine_gc_mark_roots();
    es_wifi_gc_mark_roots();
}

_Noreturn void es_fatal_error(const char *msg) {
    es_port_console_write_str("FATAL ERROR: ");
    es_port_console_write_str(msg);
    es_port_console_write_str("\r\n");
    /* The chip reboots after a fatal exception. */
    es_chip_restart(ES_CHIP_RESET_WDT);
}

/* Interpreter start (shared by hard and soft boots): heap, runtime, sys.path, __main__,
** machine state that does not survive, UART0 as terminal. */
static void interpreter_start(void *heap, size_t heap_size, void *stack_top) {
    es_state.nlr_top = NULL;
    es_stack_set_top(stack_top);
    es_gc_init(heap, (char *)heap + heap_size);
    es_port_console_reset();
    es_port_dupterm_reset();
    es_readline_init();
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_init();
        es_obj_t main_module = es_obj_new_module(ES_Q___main__);
        es_obj_dict_store(es_obj_from_ptr(es_state.roots.loaded_modules), ES_OBJ_NEW_QSTR(ES_Q___main__), main_module);
        es_port_help_install();
        static const char *const path[] = {"", ".frozen", "/lib", "/"};
        for (size_t i = 0; i < ES_ARRAY_SIZE(path); i++) {
            es_obj_list_append(es_state.roots.sys_path, new_str(path[i]));
        }
        es_machine_pins_soft_reset();
        es_machine_timers_soft_reset();
        es_port_dupterm_attach_uart0();
        es_nlr_pop();
    } else {
        es_port_dupterm_reset();
        es_port_dupterm_attach_uart0();
        es_pyexec_print_exception(nlr.ret_val);
    }
}

/* Frozen _boot.py runs with Ctrl-C disabled; missing (no frozen modules in this build) is fine. */
static void run_frozen_boot(void) {
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_port_set_interrupt_char(-1);
        es_obj_t fromlist = ES_OBJ_NONE;
        es_import_name(ES_Q__boot, fromlist, ES_OBJ_NEW_SMALL_INT(0));
        es_nlr_pop();
    } else if (!es_obj_exception_match(nlr.ret_val, &es_type_ImportError)) {
        es_pyexec_print_exception(nlr.ret_val);
    }
}

/* Every object is finalised (files flushed and closed, sockets closed) before the heap goes. */
static void soft_reset_cleanup(void) {
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_gc_run_all_finalisers();
        es_nlr_pop();
    }
    es_deinit();
}

void es_port_main(void *heap, size_t heap_size, void *stack_top) {
    bool hard_boot = true;
    es_pyexec_mode = ES_PYEXEC_FRIENDLY;
    es_machine_hard_reset();
    for (;;) {
        interpreter_start(heap, heap_size, stack_top);
        run_frozen_boot();
        bool boot_ok = es_pyexec_file_if_exists("boot.py");
        if (es_pyexec_mode == ES_PYEXEC_FRIENDLY && boot_ok) {
            es_pyexec_file_if_exists("main.py");
        }
        if (hard_boot) {
            es_port_console_write_str("\r\n");
        }
        for (;;) {
            /* Whatever escapes the REPL (no memory left for the input line) is reported
            ** and the REPL starts over. */
            volatile int r = 1;
            es_nlr_buf_t nlr;
            if (es_nlr_push(&nlr) == 0) {
                r = es_pyexec_mode == ES_PYEXEC_RAW ? es_pyexec_raw_repl() : es_pyexec_friendly_repl();
                es_nlr_pop();
            } else {
                es_port_set_interrupt_char(-1);
                es_pyexec_print_exception(nlr.ret_val);
            }
            if (r == 0) {
                break;
            }
        }
        soft_reset_cleanup();
        es_port_console_write_str("MPY: soft reboot\r\n");
        es_chip_wait_event(10000); /* let the UART drain */
        hard_boot = false;
    }
}
