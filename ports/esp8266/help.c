/* help.c: help(), help('modules') and help(obj) of the ESP8266 port, added to builtins at start-up. */

#include <stdlib.h>
#include <string.h>

#include "ports/esp8266/port.h"
#include "py/frozen.h"
#include "py/objstr.h"
#include "py/runtime.h"

es_obj_t es_module_builtin_names(void); /* py/objmodule.c */

static const char welcome_text[] =
    "Welcome to MicroPython on the ESP8266 (espy)!\n"
    "\n"
    "For online docs please visit http://docs.micropython.org/en/latest/esp8266/ .\n"
    "For diagnostic information to include in bug reports execute 'import port_diag'.\n"
    "\n"
    "Basic WiFi configuration:\n"
    "\n"
    "import network\n"
    "sta_if = network.WLAN(network.STA_IF); sta_if.active(True)\n"
    "sta_if.scan()                             # Scan for available access points\n"
    "sta_if.connect(\"<AP_name>\", \"<password>\") # Connect to an AP\n"
    "sta_if.isconnected()                      # Check for successful connection\n"
    "# Change name/password of ESP8266's AP:\n"
    "ap_if = network.WLAN(network.AP_IF)\n"
    "ap_if.config(ssid=\"<AP_NAME>\", security=network.AUTH_WPA_WPA2_PSK, key=\"<password>\")\n"
    "\n"
    "Control commands:\n"
    "  CTRL-A        -- on a blank line, enter raw REPL mode\n"
    "  CTRL-B        -- on a blank line, enter normal REPL mode\n"
    "  CTRL-C        -- interrupt a running program\n"
    "  CTRL-D        -- on a blank line, do a soft reset of the board\n"
    "  CTRL-E        -- on a blank line, enter paste mode\n"
    "\n"
    "For further help on a specific object, type help(obj)\n"
    "For a list of available modules, type help('modules')\n";

static int compare_str(const void *a, const void *b) {
    size_t la, lb;
    const uint8_t *sa = es_str_bytes(*(const es_obj_t *)a, &la);
    const uint8_t *sb = es_str_bytes(*(const es_obj_t *)b, &lb);
    int c = memcmp(sa, sb, la < lb ? la : lb);
    return c != 0 ? c : (la > lb) - (la < lb);
}

/* Built-in and frozen modules, four to a line. */
static void print_modules(void) {
    es_obj_t names = es_module_builtin_names();
    es_obj_list_append(names, ES_OBJ_NEW_QSTR(ES_Q___main__));
    for (size_t i = 0; i < es_frozen_table.n_modules; i++) {
        const char *path = es_frozen_table.modules[i].path;
        size_t len = strlen(path);
        if (len > 12 && strcmp(path + len - 12, "/__init__.py") == 0) {
            len -= 12; /* a package answers to its folder's name */
        } else if (len > 3 && strcmp(path + len - 3, ".py") == 0) {
            len -= 3;
        }
        es_obj_list_append(names, es_obj_new_str(path, len));
    }
    size_t n;
    es_obj_t *items;
    es_obj_get_array(names, &n, &items);
    qsort(items, n, sizeof(es_obj_t), compare_str);
    size_t column = 0, last_len = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const uint8_t *s = es_str_bytes(items[i], &len);
        if (i > 0 && compare_str(&items[i], &items[i - 1]) == 0) {
            continue;
        }
        if (column > 0) {
            es_printf(&es_plat_print, "%.*s", (int)(last_len < 18 ? 18 - last_len : 1), "                  ");
        }
        es_printf(&es_plat_print, "%.*s", (int)len, (const char *)s);
        last_len = len;
        if (++column == 4) {
            es_printf(&es_plat_print, "\n");
            column = 0;
        }
    }
    if (column != 0) {
        es_printf(&es_plat_print, "\n");
    }
    es_printf(&es_plat_print, "Plus any modules on the filesystem\n");
}

/* help(obj): its type, then each attribute with its value. */
static void print_object(es_obj_t obj) {
    es_printf(&es_plat_print, "object %R is of type %s\n", obj, es_obj_type_name(obj));
    es_obj_t names = es_call_function_1(es_builtin_lookup(ES_Q_dir), obj);
    size_t n;
    es_obj_t *items;
    es_obj_get_array(names, &n, &items);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const uint8_t *s = es_str_bytes(items[i], &len);
        if (len >= 2 && s[0] == '_' && s[1] == '_') {
            continue;
        }
        es_obj_t value = es_load_attr_maybe(obj, es_qstr_from_strn((const char *)s, len));
        if (value != ES_OBJ_NULL) {
            es_printf(&es_plat_print, "  %.*s -- %R\n", (int)len, (const char *)s, value);
        }
    }
}

static es_obj_t port_help(size_t n_args, const es_obj_t *args) {
    if (n_args == 0) {
        es_printf(&es_plat_print, "%s", welcome_text);
    } else if (es_obj_is_str(args[0]) && strcmp(es_obj_str_get_str(args[0]), "modules") == 0) {
        print_modules();
    } else {
        print_object(args[0]);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(port_help_obj, ES_Q_help, 0, 1, port_help);

void es_port_help_install(void) {
    es_obj_t builtins = es_module_get_builtin(ES_Q_builtins);
    es_store_attr(builtins, ES_Q_help, es_obj_from_ptr(&port_help_obj));
}
