/* modhashlib.c: the hashlib module: SHA-256, SHA-1 and MD5 (FIPS 180-4, RFC 1321) with update/digest/hexdigest/copy. */

#include <string.h>

#include "extmod/binary.h"
#include "py/runtime.h"

/*
** The three algorithms share the Merkle-Damgard frame: 64-byte blocks, a 0x80 byte and
** zeros as padding, and the message length in bits in the last 8 bytes. They differ in
** the compression function, the initial state, and byte order (MD5 is little-endian).
*/
typedef struct hash_algo_t {
    uint16_t name; /* qstr */
    uint8_t digest_size;
    bool big_endian;
    void (*compress)(uint32_t *state, const uint8_t *block);
    uint32_t init[8];
} hash_algo_t;

typedef struct hash_obj_t {
    es_obj_base_t base;
    const hash_algo_t *algo;
    uint64_t length; /* bytes hashed so far */
    uint32_t state[8];
    uint8_t block[64];
    size_t block_len;
} hash_obj_t;

static inline uint32_t rotl(uint32_t x, unsigned n) {
    return (x << n) | (x >> (32 - n));
}

static inline uint32_t rotr(uint32_t x, unsigned n) {
    return (x >> n) | (x << (32 - n));
}

static uint32_t load_be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t load_le32(const uint8_t *p) {
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* ---- SHA-256 ------------------------------------------------------------------------ */

static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void sha256_compress(uint32_t *state, const uint8_t *block) {
    uint32_t w[64];
    for (int t = 0; t < 16; t++) {
        w[t] = load_be32(block + 4 * t);
    }
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int t = 0; t < 64; t++) {
        uint32_t big_s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        uint32_t ch = (e & f) ^ (~e & g);
        uint32_t t1 = h + big_s1 + ch + sha256_k[t] + w[t];
        uint32_t big_s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint32_t t2 = big_s0 + maj;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
}

/* ---- SHA-1 ---------------------------------------------------------------------------- */

static void sha1_compress(uint32_t *state, const uint8_t *block) {
    uint32_t w[16];
    for (int t = 0; t < 16; t++) {
        w[t] = load_be32(block + 4 * t);
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
    for (int t = 0; t < 80; t++) {
        /* The schedule only ever looks 16 words back, so a ring of 16 suffices. */
        if (t >= 16) {
            w[t & 15] = rotl(w[(t - 3) & 15] ^ w[(t - 8) & 15] ^ w[(t - 14) & 15] ^ w[t & 15], 1);
        }
        uint32_t f;
        uint32_t k;
        if (t < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999;
        } else if (t < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (t < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t temp = rotl(a, 5) + f + e + k + w[t & 15];
        e = d;
        d = c;
        c = rotl(b, 30);
        b = a;
        a = temp;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
}

/* ---- MD5 ------------------------------------------------------------------------------ */

static const uint32_t md5_k[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

/* Left-rotation amounts: four per round, repeated four times within the round. */
static const uint8_t md5_shift[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

static void md5_compress(uint32_t *state, const uint8_t *block) {
    uint32_t m[16];
    for (int i = 0; i < 16; i++) {
        m[i] = load_le32(block + 4 * i);
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        int round = i >> 4;
        if (round == 0) {
            f = (b & c) | (~b & d);
            g = i;
        } else if (round == 1) {
            f = (b & d) | (c & ~d);
            g = (5 * i + 1) & 15;
        } else if (round == 2) {
            f = b ^ c ^ d;
            g = (3 * i + 5) & 15;
        } else {
            f = c ^ (b | ~d);
            g = (7 * i) & 15;
        }
        f += a + md5_k[i] + m[g];
        a = d;
        d = c;
        c = b;
        b += rotl(f, md5_shift[round * 4 + (i & 3)]);
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
}

static const hash_algo_t algo_sha256 = {
    ES_Q_sha256, 32, true, sha256_compress,
    {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19},
};
static const hash_algo_t algo_sha1 = {
    ES_Q_sha1, 20, true, sha1_compress, {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0, 0, 0, 0},
};
static const hash_algo_t algo_md5 = {
    ES_Q_md5, 16, false, md5_compress, {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0, 0, 0, 0},
};

/* ---- the shared frame ------------------------------------------------------------------ */

static void hash_feed(hash_obj_t *h, const uint8_t *data, size_t len) {
    h->length += len;
    while (len > 0) {
        size_t take = 64 - h->block_len;
        if (take > len) {
            take = len;
        }
        memcpy(h->block + h->block_len, data, take);
        h->block_len += take;
        data += take;
        len -= take;
        if (h->block_len == 64) {
            h->algo->compress(h->state, h->block);
            h->block_len = 0;
        }
    }
}

/* Finishes a copy of the state, so the object can keep taking data, as in CPython. */
static void hash_final(const hash_obj_t *h, uint8_t *digest) {
    hash_obj_t done = *h;
    uint64_t bits = h->length * 8;
    uint8_t pad[72];
    size_t pad_len = (done.block_len < 56 ? 56 : 120) - done.block_len;
    memset(pad, 0, sizeof(pad));
    pad[0] = 0x80;
    for (int i = 0; i < 8; i++) {
        int shift = done.algo->big_endian ? 56 - 8 * i : 8 * i;
        pad[pad_len + (size_t)i] = (uint8_t)(bits >> shift);
    }
    hash_feed(&done, pad, pad_len + 8);
    for (size_t i = 0; i < (size_t)done.algo->digest_size / 4; i++) {
        uint32_t word = done.state[i];
        for (int k = 0; k < 4; k++) {
            int shift = done.algo->big_endian ? 24 - 8 * k : 8 * k;
            digest[4 * i + (size_t)k] = (uint8_t)(word >> shift);
        }
    }
}

static const es_type_t hash_type;

static es_obj_t hash_new(const hash_algo_t *algo, size_t n_args, const es_obj_t *args) {
    hash_obj_t *h = es_new(hash_obj_t);
    h->base.type = &hash_type;
    h->algo = algo;
    memcpy(h->state, algo->init, sizeof(h->state));
    if (n_args > 0) {
        es_buffer_info_t info;
        if (es_obj_is_str(args[0])) {
            es_raise_msg(&es_type_TypeError, "Strings must be encoded before hashing");
        }
        es_get_buffer_raise(args[0], &info, ES_BUFFER_READ);
        hash_feed(h, info.buf, info.len);
    }
    return es_obj_from_ptr(h);
}

static es_obj_t hashlib_sha256(size_t n_args, const es_obj_t *args) {
    return hash_new(&algo_sha256, n_args, args);
}
static ES_DEFINE_FUN_VAR(hashlib_sha256_obj, ES_Q_sha256, 0, 1, hashlib_sha256);

static es_obj_t hashlib_sha1(size_t n_args, const es_obj_t *args) {
    return hash_new(&algo_sha1, n_args, args);
}
static ES_DEFINE_FUN_VAR(hashlib_sha1_obj, ES_Q_sha1, 0, 1, hashlib_sha1);

static es_obj_t hashlib_md5(size_t n_args, const es_obj_t *args) {
    return hash_new(&algo_md5, n_args, args);
}
static ES_DEFINE_FUN_VAR(hashlib_md5_obj, ES_Q_md5, 0, 1, hashlib_md5);

static es_obj_t hash_update(es_obj_t self_in, es_obj_t data) {
    hash_obj_t *h = es_obj_to_ptr(self_in);
    if (es_obj_is_str(data)) {
        es_raise_msg(&es_type_TypeError, "Strings must be encoded before hashing");
    }
    es_buffer_info_t info;
    es_get_buffer_raise(data, &info, ES_BUFFER_READ);
    hash_feed(h, info.buf, info.len);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(hash_update_obj, ES_Q_update, hash_update);

static es_obj_t hash_digest(es_obj_t self_in) {
    hash_obj_t *h = es_obj_to_ptr(self_in);
    uint8_t digest[32];
    hash_final(h, digest);
    return es_obj_new_bytes(digest, h->algo->digest_size);
}
static ES_DEFINE_FUN_1(hash_digest_obj, ES_Q_digest, hash_digest);

static es_obj_t hash_hexdigest(es_obj_t self_in) {
    static const char hex[] = "0123456789abcdef";
    hash_obj_t *h = es_obj_to_ptr(self_in);
    uint8_t digest[32];
    char text[64];
    hash_final(h, digest);
    for (size_t i = 0; i < h->algo->digest_size; i++) {
        text[2 * i] = hex[digest[i] >> 4];
        text[2 * i + 1] = hex[digest[i] & 15];
    }
    return es_obj_new_str(text, 2 * (size_t)h->algo->digest_size);
}
static ES_DEFINE_FUN_1(hash_hexdigest_obj, ES_Q_hexdigest, hash_hexdigest);

static es_obj_t hash_copy(es_obj_t self_in) {
    hash_obj_t *h = es_obj_to_ptr(self_in);
    hash_obj_t *c = es_new(hash_obj_t);
    *c = *h;
    return es_obj_from_ptr(c);
}
static ES_DEFINE_FUN_1(hash_copy_obj, ES_Q_copy, hash_copy);

static void hash_attr(es_obj_t self_in, es_qstr_t attr, es_obj_t *dest) {
    hash_obj_t *h = es_obj_to_ptr(self_in);
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    if (attr == ES_Q_name) {
        dest[0] = es_obj_new_qstr(h->algo->name);
    } else if (attr == ES_Q_digest_size) {
        dest[0] = es_obj_new_small_int(h->algo->digest_size);
    } else if (attr == ES_Q_block_size) {
        dest[0] = es_obj_new_small_int(64);
    }
}

static void hash_print(const es_print_t *print, es_obj_t self_in, es_print_kind_t kind) {
    ES_UNUSED(kind);
    hash_obj_t *h = es_obj_to_ptr(self_in);
    es_printf(print, "<%q _hashlib.HASH object @ %p>", (es_qstr_t)h->algo->name, (void *)h);
}

static const es_map_elem_t hash_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_update), ES_OBJ_FROM_CONST(hash_update_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_digest), ES_OBJ_FROM_CONST(hash_digest_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_hexdigest), ES_OBJ_FROM_CONST(hash_hexdigest_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_copy), ES_OBJ_FROM_CONST(hash_copy_obj)},
};
static ES_DEFINE_CONST_DICT(hash_locals_dict, hash_locals_table);

static const es_type_t hash_type = {
    .base = {&es_type_type},
    .name = ES_Q_HASH,
    .print = hash_print,
    .attr = hash_attr,
    .locals_dict = (es_obj_dict_t *)&hash_locals_dict,
};

static const es_map_elem_t hashlib_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_hashlib)},
    {ES_OBJ_NEW_QSTR(ES_Q_sha256), ES_OBJ_FROM_CONST(hashlib_sha256_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sha1), ES_OBJ_FROM_CONST(hashlib_sha1_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_md5), ES_OBJ_FROM_CONST(hashlib_md5_obj)},
};

ES_DEFINE_CONST_MODULE(es_module_hashlib, hashlib_globals_table);
ES_REGISTER_MODULE(ES_Q_hashlib, es_module_hashlib);
