/* Entry point for the lx106 image that runs py_check.py through the language core under QEMU. */
#include "embed.h"

#include "py_check_source.h"

int main(void) {
    return es_embed_run_source(py_check_source);
}
