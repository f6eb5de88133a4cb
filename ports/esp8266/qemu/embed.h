/* embed.h: running one Python program held in a C string on the bare-metal lx106 image. */
#pragma once

/* Sets up the heap and the interpreter, runs src as __main__, prints any uncaught exception;
** returns 0 on success and 1 after an uncaught exception. */
int es_embed_run_source(const char *src);
