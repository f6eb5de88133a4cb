# asyncio streams over loopback, compared with CPython: an echo server from start_server and
# clients from open_connection in one script; readline, read, readexactly, drain, close.
import sys

sys.path.append(".frozen")
import asyncio


# What the server sees is logged and shown at the end: when a connection is accepted compared
# with when the client's connect completes differs between implementations.
log = []


async def echo(reader, writer):
    peer = writer.get_extra_info("peername")
    log.append("connection from " + peer[0])
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    log.append("client left")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("client: peer port matches", writer.get_extra_info("peername")[1] == port)
    writer.write(b"hello\n")
    await writer.drain()
    print("client:", await reader.readline())

    # several lines in one write come back line by line
    writer.write(b"one\ntwo\nthree\n")
    await writer.drain()
    for _ in range(3):
        print("client:", await reader.readline())

    # exact and partial reads
    writer.write(b"abcdefgh\n")
    await writer.drain()
    print("client:", await reader.readexactly(3))
    print("client:", await reader.readexactly(6))

    # a large message
    big = b"x" * 20000 + b"\n"
    writer.write(big)
    await writer.drain()
    back = await reader.readexactly(len(big))
    print("client: big echo", back == big.upper())

    writer.close()
    await writer.wait_closed()

    # two clients at once
    async def client(tag, n):
        r, w = await asyncio.open_connection("127.0.0.1", port)
        got = []
        for i in range(n):
            w.write(("%s %d\n" % (tag, i)).encode())
            await w.drain()
            got.append(await r.readline())
        w.close()
        await w.wait_closed()
        return got

    print(await asyncio.gather(client("a", 3), client("b", 2)))

    # end of stream: read() gives everything left, readexactly complains
    async def talker(reader, writer):
        writer.write(b"last words")
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server2 = await asyncio.start_server(talker, "127.0.0.1", 0)
    port2 = server2.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection("127.0.0.1", port2)
    print("read all:", await r.read())
    print("read at end:", await r.read(10), await r.readline())
    w.close()
    r, w = await asyncio.open_connection("127.0.0.1", port2)
    try:
        await r.readexactly(100)
    except asyncio.IncompleteReadError as e:
        print("incomplete:", e.partial, e.expected, isinstance(e, EOFError))
    w.close()
    server2.close()
    await server2.wait_closed()

    await asyncio.sleep(0.05)
    server.close()
    await server.wait_closed()
    print("servers closed")

    # nobody listens any more
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except OSError as e:
        print("refused", e.errno)

    # the server as an async context manager
    async with await asyncio.start_server(echo, "127.0.0.1", 0) as server3:
        port3 = server3.sockets[0].getsockname()[1]
        r, w = await asyncio.open_connection("127.0.0.1", port3)
        w.write(b"context\n")
        await w.drain()
        print("client:", await r.readline())
        w.close()
        await w.wait_closed()
        await asyncio.sleep(0.05)
    print("done")
    print(sorted(log))


asyncio.run(main())
