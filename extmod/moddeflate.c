/* moddeflate.c: the deflate module: DeflateIO, a stream that inflates or deflates raw, zlib and gzip data. */

#include <errno.h>
#include <string.h>

#include "extmod/deflate.h"
#include "py/runtime.h"
#include "py/stream.h"

/*
** DeflateIO(stream, format=AUTO, wbits=0, close=False) wraps any stream: a C stream or an
** object with Python read/readinto/write methods (py/stream.c bridges those). Reading inflates, writing deflates; each
** direction sets itself up on first use, with its window on the heap until close().
** As in MicroPython: bad compressed data, a bad header or trailer, or use after close
** raise OSError(EINVAL); compressed input that ends early raises EOFError.
*/

enum {
    FORMAT_AUTO = 0, /* reading: zlib or gzip, by the header; writing: raw */
    FORMAT_RAW = 1,
    FORMAT_ZLIB = 2,
    FORMAT_GZIP = 3,
};

/* wbits 0 means this for raw reading and for every kind of writing (a 256-byte window). */
#define DEFAULT_WBITS (8)
#define GZIP_WBITS (15)

typedef struct reader_t {
    es_inflate_t inflate;
    uint32_t check; /* Adler-32 or CRC-32 of the output so far */
    uint32_t size;  /* output bytes mod 2**32, for gzip's trailer */
    uint8_t format; /* RAW, ZLIB or GZIP: what the header said */
    bool eof;
    uint8_t window[];
} reader_t;

typedef struct writer_t {
    es_deflate_t deflate;
    uint32_t check;
    uint32_t size;
    uint8_t window[];
} writer_t;

typedef struct deflateio_obj_t {
    es_obj_base_t base;
    es_obj_t stream; /* ES_OBJ_NULL once closed */
    uint8_t format;
    uint8_t wbits;
    bool close_stream;
    bool read_broken; /* the header could not be read: every read fails */
    const es_stream_p_t *source; /* the wrapped stream's protocol, looked up once */
    reader_t *reader;
    writer_t *writer;
} deflateio_obj_t;

/* ---- the wrapped stream -------------------------------------------------------------- */

/* Reads up to n bytes (at least one unless the stream has ended). */
static size_t source_read(deflateio_obj_t *self, uint8_t *buf, size_t n) {
    if (self->source == NULL) {
        self->source = es_get_stream(self->stream, true);
    }
    int err;
    size_t got = self->source->read(self->stream, buf, n, &err);
    if (got == ES_STREAM_ERROR) {
        es_raise_os_error(err);
    }
    return got;
}

static void sink_write(deflateio_obj_t *self, const uint8_t *data, size_t len) {
    es_stream_write_or_raise(self->stream, data, len);
}

static void sink_push(void *ctx, const uint8_t *data, size_t len) {
    sink_write(ctx, data, len);
}

/* The next compressed byte; EOFError when the stream ends first. */
static int pull_byte(void *ctx) {
    uint8_t b;
    if (source_read(ctx, &b, 1) == 0) {
        es_raise(es_obj_new_exception(&es_type_EOFError));
    }
    return b;
}

static size_t pull_bulk(void *ctx, uint8_t *buf, size_t n) {
    size_t got = source_read(ctx, buf, n);
    if (got == 0) {
        es_raise(es_obj_new_exception(&es_type_EOFError));
    }
    return got;
}

/* ---- reading --------------------------------------------------------------------------- */

static uint32_t pull_le(deflateio_obj_t *self, unsigned n_bytes, uint32_t *header_crc) {
    uint32_t value = 0;
    for (unsigned i = 0; i < n_bytes; i++) {
        uint8_t b = (uint8_t)pull_byte(self);
        if (header_crc != NULL) {
            *header_crc = es_crc32(*header_crc, &b, 1);
        }
        value |= (uint32_t)b << (8 * i);
    }
    return value;
}

/* The rest of a gzip header after its first two bytes (RFC 1952 2.3); false if it is bad. */
static bool read_gzip_header(deflateio_obj_t *self) {
    static const uint8_t magic[2] = {0x1f, 0x8b};
    uint32_t crc = es_crc32(0, magic, 2);
    unsigned method = pull_le(self, 1, &crc);
    unsigned flags = pull_le(self, 1, &crc);
    if (method != 8 || (flags & 0xe0) != 0) {
        return false;
    }
    pull_le(self, 4, &crc); /* MTIME */
    pull_le(self, 2, &crc); /* XFL, OS */
    if (flags & 0x04) {     /* FEXTRA */
        for (unsigned len = pull_le(self, 2, &crc); len > 0; len--) {
            pull_le(self, 1, &crc);
        }
    }
    for (unsigned flag = 0x08; flag <= 0x10; flag <<= 1) { /* FNAME, FCOMMENT: zero-terminated */
        if (flags & flag) {
            while (pull_le(self, 1, &crc) != 0) {
            }
        }
    }
    if (flags & 0x02) { /* FHCRC: the low half of the CRC-32 of the header */
        uint32_t expected = crc & 0xffff;
        if (pull_le(self, 2, NULL) != expected) {
            return false;
        }
    }
    return true;
}

/* Reads a zlib or gzip header as the format asks; returns the window it needs, 0 if bad. */
static unsigned read_header(deflateio_obj_t *self, uint8_t *found) {
    unsigned b0 = pull_le(self, 1, NULL);
    unsigned b1 = pull_le(self, 1, NULL);
    if (b0 == 0x1f && b1 == 0x8b) {
        *found = FORMAT_GZIP;
        return self->format != FORMAT_ZLIB && read_gzip_header(self) ? GZIP_WBITS : 0;
    }
    *found = FORMAT_ZLIB;
    /* RFC 1950: CMF, FLG with (CMF*256 + FLG) % 31 == 0, method 8, window <= 32K, no dictionary. */
    if (self->format == FORMAT_GZIP || (b0 * 256 + b1) % 31 != 0 || (b0 & 0x0f) != 8 || (b0 >> 4) > 7 ||
        (b1 & 0x20) != 0) {
        return 0;
    }
    return (b0 >> 4) + 8;
}

static void start_reading(deflateio_obj_t *self) {
    self->read_broken = true; /* until the header has been read */
    unsigned wbits = self->wbits;
    uint8_t format = FORMAT_RAW;
    if (self->format == FORMAT_RAW) {
        if (wbits == 0) {
            wbits = DEFAULT_WBITS;
        }
    } else {
        unsigned header_wbits = read_header(self, &format);
        if (header_wbits == 0) {
            es_raise_os_error(EINVAL);
        }
        /* A smaller window than the header's is the caller's choice to save memory. */
        if (wbits == 0 || header_wbits < wbits) {
            wbits = header_wbits;
        }
    }
    reader_t *r = es_alloc(sizeof(reader_t) + ((size_t)1 << wbits));
    es_inflate_init(&r->inflate, r->window, wbits, pull_byte, pull_bulk, self);
    r->format = format;
    r->check = format == FORMAT_ZLIB ? 1 : 0;
    self->reader = r;
    self->read_broken = false;
}

static void check_trailer(deflateio_obj_t *self, reader_t *r) {
    es_inflate_align(&r->inflate);
    /* Each field is checked as soon as it is read, as zlib does. */
    if (r->format == FORMAT_ZLIB) {
        uint32_t be = pull_le(self, 4, NULL);
        uint32_t adler = (be >> 24) | ((be >> 8) & 0xff00) | ((be << 8) & 0xff0000) | (be << 24);
        if (adler != r->check) {
            es_raise_os_error(EINVAL);
        }
    } else if (r->format == FORMAT_GZIP) {
        if (pull_le(self, 4, NULL) != r->check || pull_le(self, 4, NULL) != r->size) {
            es_raise_os_error(EINVAL);
        }
    }
}

static size_t deflateio_read(es_obj_t self_in, void *buf, size_t size, int *errcode) {
    deflateio_obj_t *self = es_obj_to_ptr(self_in);
    if (self->stream == ES_OBJ_NULL || self->read_broken) {
        *errcode = EINVAL;
        return ES_STREAM_ERROR;
    }
    if (self->reader == NULL) {
        start_reading(self);
    }
    reader_t *r = self->reader;
    if (r->eof) {
        return 0;
    }
    size_t n = es_inflate_read(&r->inflate, buf, size);
    if (r->format == FORMAT_ZLIB) {
        r->check = es_adler32(r->check, buf, n);
    } else if (r->format == FORMAT_GZIP) {
        r->check = es_crc32(r->check, buf, n);
    }
    r->size += (uint32_t)n;
    if (es_inflate_done(&r->inflate)) {
        r->inflate.failed = true; /* a bad trailer leaves nothing more to read */
        check_trailer(self, r);
        r->inflate.failed = false;
        r->eof = true;
    }
    return n;
}

/* ---- writing --------------------------------------------------------------------------- */

static void start_writing(deflateio_obj_t *self) {
    unsigned wbits = self->wbits != 0 ? self->wbits : DEFAULT_WBITS;
    writer_t *w = es_alloc(sizeof(writer_t) + ((size_t)1 << wbits));
    if (self->format == FORMAT_ZLIB) {
        /* CMF: method 8 and the window as log2 - 8 (a 256-byte window is declared as 512,
        ** the smallest zlib decoders accept); FLG: default level, check bits. */
        uint8_t header[2];
        header[0] = (uint8_t)(0x08 | (wbits > 9 ? wbits - 8 : 1) << 4);
        header[1] = 0x80;
        header[1] |= (uint8_t)(31 - (header[0] * 256 + header[1]) % 31);
        sink_write(self, header, 2);
        w->check = 1;
    } else if (self->format == FORMAT_GZIP) {
        /* No name, no time stamp, "fastest" extra flags, Unix. */
        static const uint8_t header[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 3};
        sink_write(self, header, sizeof(header));
    }
    es_deflate_init(&w->deflate, w->window, wbits, sink_push, self);
    self->writer = w;
}

static size_t deflateio_write(es_obj_t self_in, const void *buf, size_t size, int *errcode) {
    deflateio_obj_t *self = es_obj_to_ptr(self_in);
    if (self->stream == ES_OBJ_NULL) {
        *errcode = EINVAL;
        return ES_STREAM_ERROR;
    }
    if (self->writer == NULL) {
        start_writing(self);
    }
    writer_t *w = self->writer;
    if (self->format == FORMAT_ZLIB) {
        w->check = es_adler32(w->check, buf, size);
    } else if (self->format == FORMAT_GZIP) {
        w->check = es_crc32(w->check, buf, size);
    }
    w->size += (uint32_t)size;
    es_deflate_write(&w->deflate, buf, size);
    return size;
}

static void finish_writing(deflateio_obj_t *self) {
    writer_t *w = self->writer;
    es_deflate_finish(&w->deflate);
    uint8_t trailer[8];
    if (self->format == FORMAT_ZLIB) {
        for (int i = 0; i < 4; i++) {
            trailer[i] = (uint8_t)(w->check >> (24 - 8 * i));
        }
        sink_write(self, trailer, 4);
    } else if (self->format == FORMAT_GZIP) {
        for (int i = 0; i < 4; i++) {
            trailer[i] = (uint8_t)(w->check >> (8 * i));
            trailer[4 + i] = (uint8_t)(w->size >> (8 * i));
        }
        sink_write(self, trailer, 8);
    }
}

/* ---- close and the type ---------------------------------------------------------------- */

static void close_stream(es_obj_t stream) {
    int err;
    if (es_stream_ioctl(stream, ES_STREAM_CLOSE, 0, &err) == ES_STREAM_ERROR) {
        es_raise_os_error(err);
    }
}

static uintptr_t deflateio_ioctl(es_obj_t self_in, unsigned request, uintptr_t arg, int *errcode) {
    ES_UNUSED(arg);
    deflateio_obj_t *self = es_obj_to_ptr(self_in);
    if (request != ES_STREAM_CLOSE) {
        *errcode = EINVAL;
        return ES_STREAM_ERROR;
    }
    if (self->stream == ES_OBJ_NULL) {
        return 0;
    }
    es_obj_t stream = self->stream;
    writer_t *w = self->writer;
    reader_t *r = self->reader;
    if (w != NULL) {
        finish_writing(self);
    }
    /* Closed from here on, whatever closing the wrapped stream does. */
    self->stream = ES_OBJ_NULL;
    self->writer = NULL;
    self->reader = NULL;
    es_free(w);
    es_free(r);
    if (self->close_stream) {
        close_stream(stream);
    }
    return 0;
}

static es_obj_t deflateio_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_arg_check_num(n_args, n_kw, 1, 4, false);
    es_int_t format = n_args > 1 ? es_obj_get_int(args[1]) : FORMAT_AUTO;
    es_int_t wbits = n_args > 2 ? es_obj_get_int(args[2]) : 0;
    if (format < FORMAT_AUTO || format > FORMAT_GZIP) {
        es_raise_msg(&es_type_ValueError, "format");
    }
    if (wbits != 0 && (wbits < 5 || wbits > 15)) {
        es_raise_msg(&es_type_ValueError, "wbits");
    }
    deflateio_obj_t *self = es_new(deflateio_obj_t);
    self->base.type = type;
    self->stream = args[0];
    self->format = (uint8_t)format;
    self->wbits = (uint8_t)wbits;
    self->close_stream = n_args > 3 && es_obj_is_true(args[3]);
    return es_obj_from_ptr(self);
}

static const es_stream_p_t deflateio_stream_p = {
    .read = deflateio_read,
    .write = deflateio_write,
    .ioctl = deflateio_ioctl,
};

static const es_map_elem_t deflateio_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_read), ES_OBJ_FROM_CONST(es_stream_read_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readinto), ES_OBJ_FROM_CONST(es_stream_readinto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readline), ES_OBJ_FROM_CONST(es_stream_readline_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_write), ES_OBJ_FROM_CONST(es_stream_write_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_close), ES_OBJ_FROM_CONST(es_stream_close_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___enter__), ES_OBJ_FROM_CONST(es_stream_enter_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___exit__), ES_OBJ_FROM_CONST(es_stream_exit_obj)},
};
static ES_DEFINE_CONST_DICT(deflateio_locals_dict, deflateio_locals_table);

static const es_type_t deflateio_type = {
    .base = {&es_type_type},
    .name = ES_Q_DeflateIO,
    .make_new = deflateio_make_new,
    .protocol = &deflateio_stream_p,
    .locals_dict = (es_obj_dict_t *)&deflateio_locals_dict,
};

static const es_map_elem_t deflate_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_deflate)},
    {ES_OBJ_NEW_QSTR(ES_Q_DeflateIO), ES_OBJ_FROM_CONST(deflateio_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_AUTO), ES_OBJ_NEW_SMALL_INT(FORMAT_AUTO)},
    {ES_OBJ_NEW_QSTR(ES_Q_RAW), ES_OBJ_NEW_SMALL_INT(FORMAT_RAW)},
    {ES_OBJ_NEW_QSTR(ES_Q_ZLIB), ES_OBJ_NEW_SMALL_INT(FORMAT_ZLIB)},
    {ES_OBJ_NEW_QSTR(ES_Q_GZIP), ES_OBJ_NEW_SMALL_INT(FORMAT_GZIP)},
};

ES_DEFINE_CONST_MODULE(es_module_deflate, deflate_globals_table);
ES_REGISTER_MODULE(ES_Q_deflate, es_module_deflate);
