"""network.WLAN on the simulated board: first-boot AP, scan, connect outcomes, status, ifconfig,
config keys and their errors, stations from the control socket, settings kept over power loss;
sockets: the 5-socket limit, the port mapping to the host, the readable callback (option 20)."""
import os
import re
import socket
import tempfile
import time

from board import Board, check, check_equal, error_of

BASE = 22000
world = os.path.join(tempfile.mkdtemp(prefix="wifi-"), "world.txt")
with open(world, "w") as f:
    f.write("# access points around the board\n"
            "ap Home secret123 channel=3 rssi=-50\n"
            "ap Cafe - channel=11 rssi=-70\n"
            "ap Lab labpass security=4 hidden\n")


def wait_status(b, want, timeout=8):
    deadline = time.time() + timeout
    while time.time() < deadline:
        st = b.eval("sta.status()")
        if st == want:
            return st
        time.sleep(0.2)
    return st


with Board(control=True, extra_args=["--wifi", world, "--net-port-base", str(BASE)]) as b:
    b.read_until(b">>> ")
    b.exec("import network\nap = network.WLAN(network.AP_IF)\nsta = network.WLAN(network.STA_IF)")
    # First boot: the AP is up as MicroPython-<last 3 MAC bytes>, WPA/WPA2, the station off.
    mac = b.eval("ap.config('mac')")
    check_equal(b.eval("ap.config('ssid')"), "MicroPython-" + mac[-3:].hex(), "first-boot AP ssid")
    check_equal(b.eval("ap.config('security')"), 4, "first-boot AP security")
    check_equal(b.eval("(ap.active(), sta.active())"), (True, False), "first-boot active")
    check_equal(b.eval("ap.ifconfig()"), ("192.168.4.1", "255.255.255.0", "192.168.4.1", "208.67.222.222"), "AP ifconfig")
    check_equal(b.eval("network.WLAN(0) is sta and network.WLAN(1) is ap"), True, "singletons")
    check_equal(b.eval("(network.STAT_GOT_IP, network.AUTH_WPA_WPA2_PSK, sta.IF_AP, sta.SEC_WPA2)"), (5, 4, 1, 3), "constants")
    check_equal(error_of(b, "sta.scan()"), "OSError: STA must be active", "scan inactive")
    check_equal(error_of(b, "ap.connect('Home', 'x')"), "OSError: STA required", "connect on AP")
    check_equal(b.eval("sta.status()"), 0, "idle")

    b.exec("sta.active(True)")
    scan = b.eval("sta.scan()")
    check_equal(sorted((s[0], s[2], s[3], s[4], s[5]) for s in scan),
                [(b"", 6, -60, 4, 1), (b"Cafe", 11, -70, 0, 0), (b"Home", 3, -50, 3, 0)], "scan")

    # Unknown network, wrong password, right password: each outcome after a short while.
    b.exec("sta.connect('Nowhere', 'x')")
    check_equal(b.eval("sta.status()"), network_connecting := 1, "connecting")
    check_equal(wait_status(b, 3), 3, "STAT_NO_AP_FOUND")
    b.exec("sta.connect('Home', 'wrong')")
    check_equal(wait_status(b, 2), 2, "STAT_WRONG_PASSWORD")
    check_equal(b.eval("sta.isconnected()"), False, "not connected")
    b.exec("sta.connect('Home', 'secret123')")
    check_equal(wait_status(b, 5), 5, "STAT_GOT_IP")
    check_equal(b.eval("sta.isconnected()"), True, "connected")
    check_equal(b.eval("sta.ifconfig()"), ("192.168.1.100", "255.255.255.0", "192.168.1.1", "192.168.1.1"), "STA ifconfig")
    check_equal(b.eval("sta.status('rssi')"), -50, "rssi")
    check_equal(b.eval("sta.config('ssid')"), "Home", "sta ssid")
    check_equal(error_of(b, "sta.config('channel')"), "OSError: AP required", "channel is the AP's (as MicroPython)")
    check_equal(error_of(b, "sta.status('stations')"), "OSError: AP required", "stations on STA")
    check_equal(error_of(b, "sta.status('bogus')"), "ValueError: unknown status param", "status param")

    # The network disappears (control socket): the station loses its address and retries.
    check_equal(b.control("wifi noap Home"), "ok", "noap")
    check_equal(b.eval("(sta.status(), sta.isconnected(), sta.ifconfig()[0])"), (1, False, "0.0.0.0"), "AP gone")
    check_equal(b.control("wifi ap Home secret123 channel=3 rssi=-50"), "ok", "ap back")
    check_equal(wait_status(b, 5), 5, "reconnected")
    check(b.control("wifi bogus").startswith("error:"), "bad wifi command")

    # Stations on the board's AP.
    check_equal(b.eval("(ap.isconnected(), ap.status(), ap.status('stations'))"), (False, -1, []), "no stations")
    check_equal(b.control("wifi station 11:22:33:44:55:66 192.168.4.2"), "ok", "station joins")
    check_equal(b.eval("(ap.isconnected(), ap.status('stations'))"),
                (True, [(bytes.fromhex("112233445566"), "192.168.4.2")]), "stations")
    check_equal(error_of(b, "ap.status('rssi')"), "ValueError: unknown status param", "rssi on AP (MicroPython's error)")

    # ifconfig: static, prefix mask, back to DHCP, bad addresses.
    dhcp_ip = b.eval("sta.ifconfig()[0]")
    check(dhcp_ip.startswith("192.168.") and dhcp_ip.endswith(".100"), "DHCP address %r" % dhcp_ip)
    b.exec("sta.ifconfig(('10.0.0.5', 24, '10.0.0.1', '8.8.8.8'))")
    check_equal(b.eval("sta.ifconfig()"), ("10.0.0.5", "255.255.255.0", "10.0.0.1", "8.8.8.8"), "static ip")
    b.exec("sta.ifconfig('dhcp')")
    check_equal(b.eval("sta.ifconfig()[0]"), dhcp_ip, "dhcp again")
    check_equal(error_of(b, "sta.ifconfig(('10.0.0.300', '255.0.0.0', '10.0.0.1', '8.8.8.8'))"), "ValueError: invalid arguments", "bad ip")

    # config: every key, and the errors.
    b.exec("ap.config(ssid='Board', security=network.AUTH_WPA2_PSK, key='boardpass', channel=7, hidden=True)")
    check_equal(b.eval("(ap.config('essid'), ap.config('authmode'), ap.config('channel'), ap.config('hidden'))"),
                ("Board", 3, 7, True), "AP config")
    b.exec("ap.config(hidden=False, txpower=15, pm=sta.PM_NONE, protocol=network.MODE_11G)")
    check_equal(b.eval("(ap.config('pm'), ap.config('protocol'))"), (0, 2), "pm/protocol")
    b.exec("sta.config(hostname='espy-board')")
    check_equal(b.eval("(sta.config('hostname'), sta.config('dhcp_hostname'), network.hostname())"),
                ("espy-board", "espy-board", "espy-board"), "hostname")
    check_equal(error_of(b, "ap.config('hostname')"), "OSError: STA required", "hostname read on the STA (as MicroPython)")
    check_equal(error_of(b, "sta.config(channel=5)"), "OSError: AP required", "channel set on the AP")
    check_equal(b.eval("sta.config('auto_connect')"), True, "auto_connect")
    b.exec("sta.config(reconnects=-1)")
    check_equal(error_of(b, "ap.config(reconnects=3)"), "OSError: STA required", "reconnects is the STA's")
    check_equal(error_of(b, "sta.config('reconnects')"), "ValueError: unknown config param", "reconnects cannot be read")
    check_equal(error_of(b, "sta.config('bogus')"), "ValueError: unknown config param", "unknown param get")
    check_equal(error_of(b, "sta.config(bogus=1)"), "ValueError: unknown config param", "unknown param set")
    check_equal(error_of(b, "sta.config(ssid='x')"), "OSError: AP required", "ssid on STA")
    check_equal(error_of(b, "sta.config('hidden')"), "OSError: AP required", "hidden on STA")
    check_equal(error_of(b, "sta.config('key')"), "ValueError: unknown config param", "key get")
    check_equal(error_of(b, "ap.config('ssid', channel=1)"), "TypeError: either pos or kw args are allowed", "both")
    check_equal(error_of(b, "ap.config('ssid', 'channel')"), "TypeError: can query only one param", "two")
    check_equal(error_of(b, "ap.config(ssid='x'*33)"), "ValueError: invalid ssid", "long ssid")
    check_equal(b.eval("ap.config('ssid')"), "Board", "failed config changed nothing")
    check_equal(error_of(b, "network.WLAN(2)"), "ValueError: invalid WLAN interface identifier", "WLAN(2)")

    # Sockets: five at most; the sixth raises ENOMEM.
    b.exec("import socket\nss = [socket.socket() for i in range(5)]")
    check_equal(error_of(b, "socket.socket()"), "OSError: [Errno 12] ENOMEM", "sixth socket")
    b.exec("for s in ss: s.close()\nss = None")

    # getaddrinfo answers as lwIP's: one IPv4 entry, (AF_INET, SOCK_STREAM, 0, '', address), whatever the hints.
    check_equal(b.eval("socket.getaddrinfo('localhost', 80)"), [(2, 1, 0, "", ("127.0.0.1", 80))], "getaddrinfo")
    check_equal(b.eval("socket.getaddrinfo('127.0.0.1', 123, 0, socket.SOCK_DGRAM)"), [(2, 1, 0, "", ("127.0.0.1", 123))],
                "getaddrinfo with hints")
    err = error_of(b, "socket.getaddrinfo('no-such-host.invalid', 80)")
    check(re.fullmatch(r"OSError: -\d+", err or ""), "a failed lookup is OSError(negative code), as lwIP's: %r" % err)
    # Option numbers are lwIP's, and they work.
    check_equal(b.eval("(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.SO_BROADCAST, socket.IP_ADD_MEMBERSHIP, "
                       "socket.TCP_NODELAY)"), (1, 4, 0x20, 3, 1), "lwIP's option numbers")
    check_equal(b.eval("[(u.setsockopt(socket.SOL_SOCKET, o, 1), u.getsockopt(socket.SOL_SOCKET, o) != 0, u.close())[1] "
                       "for u, o in ((socket.socket(socket.AF_INET, socket.SOCK_DGRAM), socket.SO_BROADCAST), "
                       "(socket.socket(), socket.SO_REUSEADDR))]"), [True, True], "set and read back")

    # A server port P on the board is BASE + P on the host; option 20 calls back when readable.
    b.exec("srv = socket.socket()\nsrv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
           "srv.bind(('0.0.0.0', 80))\nsrv.listen(1)\nhits = []\n"
           "srv.setsockopt(socket.SOL_SOCKET, 20, lambda s: hits.append(s.accept()[0]))")
    c = socket.create_connection(("127.0.0.1", BASE + 80), timeout=5)
    c.sendall(b"ping")
    deadline = time.time() + 5  # the callback runs from the board's event loop: give a busy host time
    while b.eval("len(hits)") == 0 and time.time() < deadline:
        time.sleep(0.1)
    check_equal(b.eval("(len(hits), hits[0].recv(4))"), (1, b"ping"), "accept callback")
    b.exec("hits[0].send(b'pong')")
    check_equal(c.recv(4), b"pong", "reply through mapping")
    c.close()
    b.exec("srv.setsockopt(socket.SOL_SOCKET, 20, None)\nsrv.close()\nhits[0].close()")

    # The SDK keeps the settings in flash: after power loss the AP is as set and the station
    # joins its network by itself.
    b.stop()
    b.start()
    b.read_until(b">>> ")
    b.exec("import network\nap = network.WLAN(network.AP_IF)\nsta = network.WLAN(network.STA_IF)")
    check_equal(b.eval("(ap.config('ssid'), sta.active(), sta.config('ssid'))"), ("Board", True, "Home"), "kept")
    check_equal(wait_status(b, 5), 5, "auto-reconnect after power-on")

    # config(auto_connect=False) is kept too: after power-on the station waits for connect().
    b.exec("sta.config(auto_connect=False)")
    b.power_cycle()
    b.read_until(b">>> ")
    b.exec("import network\nsta = network.WLAN(network.STA_IF)")
    time.sleep(1)
    check_equal(b.eval("(sta.config('auto_connect'), sta.active(), sta.status())"), (False, True, 0), "no auto-connect")
    b.exec("sta.connect()")
    check_equal(wait_status(b, 5), 5, "connect() joins the saved network")
print("ok")
