/* main.c: the host interpreter build/espy: command line, scripts, -c, -m, exit status. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ports/host/size_arg.h"
#include "ports/unix/unix.h"
#include "py/exec.h"
#include "py/portio.h"
#include "py/runtime.h"

static const char usage_text[] =
    "usage: espy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Options:\n"
    "  -c cmd       run the program passed in as a string\n"
    "  -m mod       run a module from sys.path as a script\n"
    "  -i           enter the interactive prompt after running the program\n"
    "  -X heapsize=N[k|m]  heap size in bytes (default 32m)\n"
    "  -X emit=bytecode    accepted for compatibility (bytecode is the only emitter)\n"
    "  -h           show this help\n"
    "Environment: MICROPYPATH sets sys.path (entries separated by ':').\n";

static es_obj_t new_str(const char *s) { return es_obj_new_str(s, strlen(s)); }

int unix_handle_uncaught(es_obj_t exc) {
    if (es_obj_exception_match(exc, &es_type_SystemExit)) {
        es_obj_t code = es_obj_exception_get_value(exc);
        if (code == ES_OBJ_NONE) {
            return 0;
        }
        if (es_obj_is_small_int(code)) {
            return (int)(es_small_int_value(code) & 0xff);
        }
        es_printf(&es_port_stderr_print, "%O\n", code);
        return 1;
    }
    es_obj_exception_print_traceback(&es_port_stderr_print, exc);
    return 1;
}

/* Compiles and runs source as the __main__ module; returns the exit status. */
static int run_source_from(es_source_t *src, es_qstr_t filename, es_obj_dict_t *globals) {
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_exec_from(src, filename, ES_INPUT_FILE, globals, globals);
        es_nlr_pop();
        return 0;
    }
    return unix_handle_uncaught(nlr.ret_val);
}

static int run_source(const char *src, size_t len, es_qstr_t filename, es_obj_dict_t *globals) {
    es_source_t source;
    es_source_from_memory(&source, src, len);
    return run_source_from(&source, filename, globals);
}

/* The script is compiled as it is read, in chunks: it is never whole in the heap. */
static int run_file(const char *path, es_obj_dict_t *globals) {
    es_source_t source;
    if (es_port_stat_kind(path) != 1 || !es_port_open_source(path, &source)) {
        fprintf(stderr, "espy: can't open file '%s': [Errno 2] No such file or directory\n", path);
        return 2;
    }
    es_obj_dict_store(es_obj_from_ptr(globals), ES_OBJ_NEW_QSTR(ES_Q___file__), new_str(path));
    return run_source_from(&source, es_qstr_from_str(path), globals);
}

static int run_stdin(es_obj_dict_t *globals) {
    es_vstr_t src;
    es_vstr_init(&src, 256);
    int c;
    while ((c = getchar()) != EOF) {
        es_vstr_add_byte(&src, (uint8_t)c);
    }
    return run_source(src.buf, src.len, ES_Q__S_stdin, globals);
}

/* -m name: runs name.py, or name/__main__.py for a package, found on sys.path. */
static int run_module(const char *name, es_obj_dict_t *globals) {
    es_vstr_t rel;
    es_vstr_init(&rel, 32);
    for (const char *p = name; *p != '\0'; p++) {
        es_vstr_add_byte(&rel, *p == '.' ? '/' : (uint8_t)*p);
    }
    size_t n_path;
    es_obj_t *path_items;
    es_obj_get_array(es_state.roots.sys_path, &n_path, &path_items);
    for (size_t i = 0; i < n_path; i++) {
        const char *dir = es_obj_str_get_str(path_items[i]);
        static const char *const suffixes[] = {".py", "/__main__.py"};
        for (size_t s = 0; s < ES_ARRAY_SIZE(suffixes); s++) {
            es_vstr_t candidate;
            es_vstr_init(&candidate, 64);
            if (dir[0] != '\0') {
                es_vstr_add_str(&candidate, dir);
                es_vstr_add_byte(&candidate, '/');
            }
            es_vstr_add_strn(&candidate, rel.buf, rel.len);
            es_vstr_add_str(&candidate, suffixes[s]);
            char *path = es_vstr_null_terminated_str(&candidate);
            if (es_port_stat_kind(path) == 1) {
                return run_file(path, globals);
            }
        }
    }
    fprintf(stderr, "espy: No module named %s\n", name);
    return 1;
}

static void set_sys_path(const char *first) {
    es_obj_t path = es_state.roots.sys_path;
    es_obj_list_t *list = es_obj_to_ptr(path);
    list->len = 0;
    es_obj_list_append(path, new_str(first));
    const char *env = getenv("MICROPYPATH");
    if (env == NULL) {
        es_obj_list_append(path, new_str(".frozen"));
        const char *home = getenv("HOME");
        if (home != NULL) {
            es_vstr_t lib;
            es_vstr_init(&lib, 64);
            es_vstr_printf(&lib, "%s/.micropython/lib", home);
            es_obj_list_append(path, es_obj_new_str(lib.buf, lib.len));
        }
        es_obj_list_append(path, new_str("/usr/lib/micropython"));
        return;
    }
    while (*env != '\0') {
        const char *colon = strchr(env, ':');
        size_t n = colon == NULL ? strlen(env) : (size_t)(colon - env);
        es_obj_list_append(path, es_obj_new_str(env, n));
        env += n + (colon != NULL);
    }
}

static void run_atexit(void) {
    es_obj_t fun = es_state.roots.sys_exitfunc;
    if (fun == ES_OBJ_NULL || fun == ES_OBJ_NONE) {
        return;
    }
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_call_function_0(fun);
        es_nlr_pop();
    } else {
        unix_handle_uncaught(nlr.ret_val);
    }
}

/* Initialises the interpreter and the __main__ module; returns its globals, or NULL on failure. */
static es_obj_dict_t *start_interpreter(void) {
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) != 0) {
        fprintf(stderr, "espy: start-up failed\n");
        es_obj_exception_print_traceback(&es_port_stderr_print, nlr.ret_val);
        return NULL;
    }
    es_init();
    unix_install_signal_handlers();
    es_obj_t main_module = es_obj_new_module(ES_Q___main__);
    es_obj_dict_store(es_obj_from_ptr(es_state.roots.loaded_modules), ES_OBJ_NEW_QSTR(ES_Q___main__), main_module);
    es_nlr_pop();
    return ((es_obj_module_t *)es_obj_to_ptr(main_module))->globals;
}

/* sys.argv as CPython gives it (program name, then the rest) and sys.path; returns an exit status. */
static int set_argv_and_path(const char *argv0, int n_rest, char **rest, const char *script) {
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) != 0) {
        return unix_handle_uncaught(nlr.ret_val);
    }
    es_obj_list_append(es_state.roots.sys_argv, new_str(argv0));
    for (int k = 0; k < n_rest; k++) {
        es_obj_list_append(es_state.roots.sys_argv, new_str(rest[k]));
    }
    if (script != NULL && strcmp(script, "-") != 0) {
        /* The script's folder comes first on sys.path, so its neighbours import. */
        const char *slash = strrchr(script, '/');
        es_obj_t dir = slash == NULL ? new_str("") : es_obj_new_str(script, (size_t)(slash - script));
        set_sys_path(es_obj_str_get_str(dir));
    } else {
        set_sys_path("");
    }
    es_nlr_pop();
    return 0;
}

int main(int argc, char **argv) {
    int stack_top_marker;
    es_stack_set_top(&stack_top_marker);

    size_t heap_size = ES_DEFAULT_HEAP_SIZE;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-X") == 0 && i + 1 < argc && strncmp(argv[i + 1], "heapsize=", 9) == 0) {
            heap_size = es_host_parse_size(argv[i + 1] + 9);
            if (heap_size < 1024) {
                fprintf(stderr, "espy: invalid heap size '%s'\n", argv[i + 1] + 9);
                return 2;
            }
        } else if (argv[i][0] != '-' || strcmp(argv[i], "-c") == 0 || strcmp(argv[i], "-m") == 0) {
            break; /* options after the program belong to the program */
        }
    }
    char *heap = malloc(heap_size);
    if (heap == NULL) {
        fprintf(stderr, "espy: cannot allocate a heap of %zu bytes\n", heap_size);
        return 2;
    }
    es_gc_init(heap, heap + heap_size);

    es_obj_dict_t *globals = start_interpreter();
    if (globals == NULL) {
        return 2;
    }

    bool inspect = false;
    int status = 0;
    int i = 1;
    const char *command = NULL, *module = NULL, *script = NULL;
    for (; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "-c") == 0 && i + 1 < argc) {
            command = argv[++i];
            i++;
            break;
        } else if (strcmp(arg, "-m") == 0 && i + 1 < argc) {
            module = argv[++i];
            i++;
            break;
        } else if (strcmp(arg, "-i") == 0) {
            inspect = true;
        } else if (strcmp(arg, "-X") == 0 && i + 1 < argc) {
            i++; /* heapsize was handled above; emit=... and others are accepted */
        } else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            fputs(usage_text, stdout);
            return 0;
        } else if (strcmp(arg, "-") == 0 || arg[0] != '-') {
            script = arg;
            i++;
            break;
        } else if (strcmp(arg, "-O") == 0 || strcmp(arg, "-v") == 0 || strcmp(arg, "-s") == 0 ||
                   strcmp(arg, "-B") == 0 || strcmp(arg, "-u") == 0) {
            /* CPython-style flags that change nothing here. */
        } else {
            fprintf(stderr, "espy: unknown option '%s'\n%s", arg, usage_text);
            return 2;
        }
    }

    const char *argv0 = command != NULL ? "-c" : module != NULL ? module : script != NULL ? script : "";
    status = set_argv_and_path(argv0, argc - i, argv + i, script);
    if (status != 0) {
        return status;
    }

    if (command != NULL) {
        status = run_source(command, strlen(command), ES_Q__S_string, globals);
    } else if (module != NULL) {
        status = run_module(module, globals);
    } else if (script != NULL && strcmp(script, "-") != 0) {
        status = run_file(script, globals);
    } else if (script != NULL || !isatty(STDIN_FILENO)) {
        status = run_stdin(globals);
    } else {
        inspect = true;
    }
    if (inspect && status == 0) {
        status = unix_repl(globals);
    }
    run_atexit();
    fflush(stdout);
    es_deinit();
    return status;
}
