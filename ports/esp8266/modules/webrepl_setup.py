# webrepl_setup.py: interactive set-up of WebREPL: the password file and the start lines of boot.py.
import sys

import os

RC = "./boot.py"
CONFIG = "./webrepl_cfg.py"


def input_choice(prompt, choices):
    while True:
        answer = input(prompt)
        if answer in choices:
            return answer


def getpass(prompt):
    return input(prompt)


def input_pass():
    while True:
        passwd = getpass("New password (4-9 chars): ")
        if len(passwd) < 4 or len(passwd) > 9:
            print("Invalid password length")
            continue
        passwd2 = getpass("Confirm password: ")
        if passwd == passwd2:
            return passwd
        print("Passwords do not match")


def exists(fname):
    try:
        with open(fname):
            pass
        return True
    except OSError:
        return False


def get_daemon_status():
    """True when boot.py starts WebREPL, False when its line is commented out, None when absent."""
    try:
        with open(RC) as f:
            for line in f:
                if "webrepl" in line:
                    return not line.startswith("#")
    except OSError:
        pass
    return None


def change_daemon(action):
    lines = ("import webrepl", "webrepl.start()")
    if not exists(RC):
        with open(RC, "w") as f:
            f.write("import webrepl\nwebrepl.start()\n" if action else "")
        return
    found = False
    with open(RC) as old_f, open(RC + ".tmp", "w") as new_f:
        for line in old_f:
            for pattern in lines:
                if pattern in line:
                    found = True
                    if action and line.startswith("#"):
                        line = line[1:]
                    elif not action and not line.startswith("#"):
                        line = "#" + line
            new_f.write(line)
        if not found:
            new_f.write("import webrepl\nwebrepl.start()\n")
    # FAT cannot rename over an existing file.
    os.remove(RC)
    os.rename(RC + ".tmp", RC)


def main():
    status = get_daemon_status()
    print("WebREPL daemon auto-start status:", "enabled" if status else "disabled")
    print("\nWould you like to (E)nable or (D)isable it running on boot?")
    print("(Empty line to quit)")
    resp = input("> ").upper()

    if resp == "E":
        if exists(CONFIG):
            resp2 = input_choice(
                "Would you like to change WebREPL password? (y/n) ", ("y", "n", "")
            )
        else:
            print("To enable WebREPL, you must set password for it")
            resp2 = "y"
        if resp2 == "y":
            passwd = input_pass()
            with open(CONFIG, "w") as f:
                f.write("PASS = %r\n" % passwd)

    if resp not in ("D", "E") or (resp == "D" and not status) or (resp == "E" and status):
        print("No further action required")
        sys.exit()

    change_daemon(resp == "E")

    print("Changes will be activated after reboot")
    resp = input_choice("Would you like to reboot now? (y/n) ", ("y", "n", ""))
    if resp == "y":
        import machine

        machine.reset()


main()
