/* unix.h: pieces of the host port shared between its files. */
#pragma once

#include "py/obj.h"

void unix_install_signal_handlers(void);

/* Runs the interactive prompt until Ctrl-D or sys.exit(); returns the process exit status. */
int unix_repl(struct es_obj_dict_t *globals);

/* Runs a compiled-or-source unit, printing any uncaught exception; returns the exit status
** (0 on success, SystemExit's code, 1 after an uncaught exception). */
int unix_handle_uncaught(es_obj_t exc);
