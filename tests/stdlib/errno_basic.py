import errno

for name in ("EPERM", "ENOENT", "EIO", "EBADF", "EAGAIN", "ENOMEM", "EACCES", "EEXIST", "ENODEV", "EISDIR", "EINVAL",
             "ENOSPC", "ENOTDIR", "EROFS", "EADDRINUSE", "ECONNRESET", "ENOTCONN", "ETIMEDOUT",
             "ECONNREFUSED", "EHOSTUNREACH", "EALREADY", "EINPROGRESS"):
    code = getattr(errno, name)
    print(name, code, errno.errorcode[code])
print(errno.errorcode.get(errno.ENOENT))
try:
    raise OSError(errno.ENOENT, "x")
except OSError as e:
    print(e.errno == errno.ENOENT)
