# tests/net/net.mk: the network area's extra test suite, included by the top-level Makefile.
# (tests/net/*.py themselves run in the main Python suite.)
TEST_SUITES += "net-interrupt=tests/net/_drivers/interrupt_check.py --espy build/espy"
