# OSError carries errno
try:
    open("/nonexistent/dir/file.txt")
except OSError as e:
    import errno
    print(type(e).__name__ in ("OSError", "FileNotFoundError"), e.args[0] == errno.ENOENT)
print(OSError(2, "x").args)
