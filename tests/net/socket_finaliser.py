# Sockets the program forgets are closed by the collector (CPython: by reference counting),
# so creating many more than the process may hold open still works.
import gc
import socket

for i in range(3000):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
s = None
gc.collect()
s = socket.socket()
print("descriptors given back", s.fileno() < 100)
s.close()
