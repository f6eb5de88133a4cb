# Full case mappings that change length, titlecase digraphs, final sigma, case folding.
for s in ['straße', 'ﬁnd', 'İstanbul', 'ŉ', 'ǰ', 'ΐ', 'ᾳ', 'ǅ', 'ǆ', 'Ǆ', 'ΟΔΟΣ ΟΔΟΣ', 'Σ', 'ΑΣ.', 'aΣb',
          'ﬀ ﬃ ﬆ', 'Ꭰꭰ', 'ſ', 'µ', 'ς', 'Ⓐⓐ', 'ʰ', 'ª', 'ǅungla', 'hello wORLD', 'Δέλτα']:
    print(s, s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
    print(s.isupper(), s.islower(), s.istitle(), s.isalpha(), len(s.upper()), len(s.casefold()))
for s in ['²', '½', '٣', '七', 'Ⅻ', '𝟘', '١٢', 'x²']:
    print(s, s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum())
for s in ['ab\u00a0', '\u2028', '\u180e', '\u200b', '\u3000']:
    print(repr(s), s.isspace(), s.isprintable())
for s in ['℘x', '℮', 'a·b', '·a', 'ǅ', '1a', '_\u0300', '\u0300']:
    print(s.isidentifier())
print('ß'.upper() == 'SS', 'ß'.casefold() == 'ss', 'ΣΑΣ'.lower())
