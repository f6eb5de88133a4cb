"""network.ipconfig (the DNS server) and WLAN.ipconfig (addr4, gw4, dhcp4) on the simulated board,
kept consistent with ifconfig(), with MicroPython's errors for unknown keys and bad calls."""
import os
import tempfile
import time

from board import Board, check_equal, error_of

world = os.path.join(tempfile.mkdtemp(prefix="wifi-"), "world.txt")
with open(world, "w") as f:
    f.write("ap Home secret123 channel=3\n")


def wait_connected(b, timeout=8):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if b.eval("sta.isconnected()"):
            return True
        time.sleep(0.2)
    return False


with Board(extra_args=["--wifi", world]) as b:
    b.read_until(b">>> ")
    b.exec("import network\nap = network.WLAN(network.AP_IF)\nsta = network.WLAN(network.STA_IF)")

    # One DNS server for the IP stack, shown by both interfaces' ifconfig().
    check_equal(b.eval("network.ipconfig('dns')"), "208.67.222.222", "DNS at power-on")
    b.exec("network.ipconfig(dns='9.9.9.9')")
    check_equal(b.eval("(network.ipconfig('dns'), ap.ifconfig()[3], sta.ifconfig()[3])"),
                ("9.9.9.9", "9.9.9.9", "9.9.9.9"), "DNS set")
    b.exec("ap.ifconfig(('192.168.4.1', '255.255.255.0', '192.168.4.1', '1.1.1.1'))")
    check_equal(b.eval("network.ipconfig('dns')"), "1.1.1.1", "ifconfig sets the same DNS server")
    module_errors = {
        "network.ipconfig('prefer')": "ValueError: unexpected key",  # no IPv6 on the chip
        "network.ipconfig(bogus=1)": "ValueError: unexpected key",
        "network.ipconfig()": "TypeError: must query one param",
        "network.ipconfig('dns', 'dns')": "TypeError: must query one param",
        "network.ipconfig('dns', dns='1.2.3.4')": "TypeError: can't specify pos and kw args",
        "network.ipconfig(dns='1.2.3')": "ValueError: invalid arguments as dns server",
    }
    for code, error in module_errors.items():
        check_equal(error_of(b, code), error, code)
    check_equal(b.eval("network.ipconfig('dns')"), "1.1.1.1", "a bad value changes nothing")

    # The AP: address and gateway, no DHCP client.
    check_equal(b.eval("(ap.ipconfig('addr4'), ap.ipconfig('gw4'))"),
                (("192.168.4.1", "255.255.255.0"), "192.168.4.1"), "AP read")
    check_equal(error_of(b, "ap.ipconfig('dhcp4')"), "ValueError: unexpected key", "AP dhcp4")
    check_equal(error_of(b, "ap.ipconfig(dhcp4=True)"), "ValueError: unexpected key", "AP dhcp4 set")
    b.exec("ap.ipconfig(addr4='192.168.7.1/16', gw4='192.168.7.254')")
    check_equal(b.eval("ap.ifconfig()"), ("192.168.7.1", "255.255.0.0", "192.168.7.254", "1.1.1.1"), "AP set, seen by ifconfig")
    b.exec("ap.ipconfig(addr4=('192.168.4.1', '255.255.255.0'), gw4='192.168.4.1')")
    check_equal(b.eval("ap.ipconfig('addr4')"), ("192.168.4.1", "255.255.255.0"), "AP addr4 as a tuple")

    # The station: DHCP gives the address; a static address or gateway stops the client.
    b.exec("sta.active(True)\nsta.connect('Home', 'secret123')")
    check_equal(wait_connected(b), True, "connected")
    check_equal(b.eval("(sta.ipconfig('dhcp4'), sta.ipconfig('addr4'), sta.ipconfig('gw4'), network.ipconfig('dns'))"),
                (True, ("192.168.1.100", "255.255.255.0"), "192.168.1.1", "192.168.1.1"), "STA lease")
    b.exec("sta.ipconfig(addr4='192.168.1.50')")
    check_equal(b.eval("(sta.ipconfig('dhcp4'), sta.ifconfig())"),
                (False, ("192.168.1.50", "255.255.255.0", "192.168.1.1", "192.168.1.1")), "address kept the mask")
    b.exec("sta.ipconfig(gw4='192.168.1.254')")
    check_equal(b.eval("sta.ifconfig()[2]"), "192.168.1.254", "gateway")
    b.exec("sta.ipconfig(dhcp4=True)")
    check_equal(b.eval("(sta.ipconfig('dhcp4'), sta.ifconfig())"),
                (True, ("192.168.1.100", "255.255.255.0", "192.168.1.1", "192.168.1.1")), "DHCP again")
    b.exec("sta.ipconfig(dhcp4=False)")
    check_equal(b.eval("(sta.ipconfig('dhcp4'), sta.ipconfig('addr4'))"),
                (False, ("192.168.1.100", "255.255.255.0")), "DHCP stopped, the lease's address stays")
    b.exec("sta.ifconfig('dhcp')")
    check_equal(b.eval("sta.ipconfig('dhcp4')"), True, "ifconfig('dhcp') starts the client")
    b.exec("sta.ifconfig(('10.0.0.5', 8, '10.0.0.1', '8.8.8.8'))")
    check_equal(b.eval("(sta.ipconfig('dhcp4'), sta.ipconfig('addr4'), sta.ipconfig('gw4'), network.ipconfig('dns'))"),
                (False, ("10.0.0.5", "255.0.0.0"), "10.0.0.1", "8.8.8.8"), "ifconfig static, seen by ipconfig")

    # Errors: unknown keys, bad values (all or nothing), bad calls.
    interface_errors = {
        "sta.ipconfig('addr6')": "ValueError: unexpected key",
        "sta.ipconfig(bogus=1)": "ValueError: unexpected key",
        "sta.ipconfig()": "TypeError: must query one param",
        "sta.ipconfig('addr4', gw4='1.2.3.4')": "TypeError: can't specify pos and kw args",
        "sta.ipconfig(gw4='10.0.0.9', addr4='bad')": "ValueError: invalid arguments",  # all or nothing
        "ap.ifconfig('dhcp')": "OSError: STA required",  # the AP has no DHCP client
    }
    for code, error in interface_errors.items():
        check_equal(error_of(b, code), error, code)
    for bad in ("'10.0.0.300'", "'10.0.0.5/33'", "'10.0.0.5/'", "'10.0.0.5/x'", "'10.0.0/8'", "('10.0.0.5',)"):
        err = error_of(b, "sta.ipconfig(addr4=%s)" % bad)
        check_equal(err is not None and err.split(":")[0] in ("ValueError", "TypeError"), True, "bad addr4 %s: %r" % (bad, err))
    check_equal(b.eval("sta.ifconfig()"), ("10.0.0.5", "255.0.0.0", "10.0.0.1", "8.8.8.8"), "nothing changed")
print("ok")
