# UDP over loopback, compared with CPython.
import socket

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
b.bind(("127.0.0.1", 0))
a_addr = a.getsockname()
b_addr = b.getsockname()

print(b.sendto(b"ping", a_addr))
data, frm = a.recvfrom(100)
print(data, frm == b_addr)
print(a.sendto(bytearray(b"pong"), frm))
print(b.recv(100))

# datagrams keep their boundaries; a short buffer truncates one
b.sendto(b"one", a_addr)
b.sendto(b"two two", a_addr)
print(a.recv(100), a.recv(3))

# connected UDP: send/recv without addresses
b.connect(a_addr)
b.send(memoryview(b"connected"))
print(a.recvfrom(100)[0])

# empty datagram
b.send(b"")
print(a.recvfrom(10)[0])

# broadcast option can be set
a.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
a.close()
b.close()
