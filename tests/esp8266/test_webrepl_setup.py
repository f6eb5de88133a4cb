"""import webrepl_setup on the UART REPL: enable with a password (length and match checks),
the config file and boot.py lines it writes, then disable; 'no further action' cases."""
from board import Board, check, check_equal

with Board() as b:
    b.read_until(b">>> ")
    check("#import webrepl\n#webrepl.start()\n" in b.get_file("boot.py").decode(), "default boot.py lines")
    b.leave_raw()

    def answer(prompt, text):
        b.read_until(prompt)
        b.write(text.encode() + b"\r")

    b.write(b"import webrepl_setup\r")
    answer(b"> ", "E")
    answer(b"New password (4-9 chars): ", "abc")
    b.read_until(b"Invalid password length")
    answer(b"New password (4-9 chars): ", "secret1")
    answer(b"Confirm password: ", "secret2")
    b.read_until(b"Passwords do not match")
    answer(b"New password (4-9 chars): ", "secret1")
    answer(b"Confirm password: ", "secret1")
    b.read_until(b"Changes will be activated after reboot")
    answer(b"Would you like to reboot now? (y/n) ", "n")
    b.read_until(b">>> ")
    check_equal(b.get_file("webrepl_cfg.py"), b"PASS = 'secret1'\n", "config file")
    boot = b.get_file("boot.py").decode()
    check("\nimport webrepl\nwebrepl.start()\n" in boot and "#import webrepl" not in boot, "enabled: %r" % boot)
    b.leave_raw()

    # Enabling again changes nothing more.
    b.write(b"import sys\rsys.modules.pop('webrepl_setup', None)\rimport webrepl_setup\r")
    answer(b"> ", "E")
    answer(b"Would you like to change WebREPL password? (y/n) ", "n")
    b.read_until(b"No further action required")
    b.read_until(b">>> ")

    # Disable.
    b.write(b"sys.modules.pop('webrepl_setup', None)\rimport webrepl_setup\r")
    b.read_until(b"auto-start status: enabled")
    answer(b"> ", "D")
    answer(b"Would you like to reboot now? (y/n) ", "")
    b.read_until(b">>> ")
    boot = b.get_file("boot.py").decode()
    check("\n#import webrepl\n#webrepl.start()\n" in boot, "disabled: %r" % boot)
print("ok")
