/* source.c: source text for the compiler from memory, from memory in chunks, or from a stream. */

#include <string.h>

#include "py/print.h"
#include "py/runtime.h"
#include "py/source.h"
#include "py/stream.h"

void es_source_from_memory(es_source_t *src, const char *text, size_t len) {
    memset(src, 0, sizeof(*src));
    src->text = text;
    src->len = len;
}

static size_t chunk_read(es_source_t *src, char *buf, size_t size) {
    size_t n = src->len - src->pos;
    if (n > size) {
        n = size;
    }
    memcpy(buf, src->text + src->pos, n);
    src->pos += n;
    return n;
}

static bool chunk_rewind(es_source_t *src) {
    src->pos = 0;
    return true;
}

void es_source_from_memory_in_chunks(es_source_t *src, const char *text, size_t len) {
    es_source_from_memory(src, text, len);
    src->read = chunk_read;
    src->rewind = chunk_rewind;
}

static size_t stream_read(es_source_t *src, char *buf, size_t size) {
    int err;
    size_t n = es_stream_read_exactly(src->stream, buf, size, &err);
    if (n == ES_STREAM_ERROR) {
        es_raise_os_error(err);
    }
    return n;
}

static bool stream_rewind(es_source_t *src) {
    es_stream_seek_t seek = {0, 0};
    int err;
    return es_stream_ioctl(src->stream, ES_STREAM_SEEK, (uintptr_t)&seek, &err) != ES_STREAM_ERROR;
}

static void stream_close(es_source_t *src) {
    int err;
    es_stream_ioctl(src->stream, ES_STREAM_CLOSE, 0, &err);
}

void es_source_from_stream(es_source_t *src, es_obj_t stream) {
    es_get_stream(stream, true);
    memset(src, 0, sizeof(*src));
    src->stream = stream;
    src->read = stream_read;
    src->rewind = stream_rewind;
    src->close = stream_close;
}

void es_source_close(es_source_t *src) {
    if (src->close != NULL) {
        void (*close)(es_source_t *) = src->close;
        src->close = NULL;
        close(src);
    }
}

/* The line counted as CPython's SyntaxError.text: lines end at '\n', which is kept. */
es_obj_t es_source_line_text(es_source_t *src, size_t line) {
    if (line == 0) {
        return ES_OBJ_NONE;
    }
    if (src->read == NULL) {
        const char *s = src->text;
        size_t len = src->len, l = 1, i = 0;
        if (s == NULL) {
            return ES_OBJ_NONE;
        }
        while (i < len && l < line) {
            if (s[i++] == '\n') {
                l++;
            }
        }
        size_t j = i;
        while (j < len && s[j] != '\n') {
            j++;
        }
        return l == line ? es_obj_new_str(s + i, j - i + (j < len ? 1 : 0)) : ES_OBJ_NONE;
    }
    if (src->rewind == NULL || !src->rewind(src)) {
        return ES_OBJ_NONE;
    }
    es_vstr_t text;
    es_vstr_init(&text, 32);
    char chunk[64];
    size_t l = 1;
    for (;;) {
        size_t n = src->read(src, chunk, sizeof(chunk));
        if (n == 0) {
            break;
        }
        for (size_t i = 0; i < n && l <= line; i++) {
            if (l == line) {
                es_vstr_add_byte(&text, (uint8_t)chunk[i]);
            }
            if (chunk[i] == '\n') {
                l++;
            }
        }
        if (l > line) {
            break;
        }
    }
    if (l < line && text.len == 0) {
        es_vstr_clear(&text);
        return ES_OBJ_NONE;
    }
    return es_obj_new_str_from_vstr(&es_type_str, &text);
}
