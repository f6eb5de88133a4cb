# deflate.mk: the deflate module checked against CPython's zlib in both directions (make test).
TEST_SUITES += "deflate-interop=tests/deflate/lib/interop_check.py --espy build/espy"
