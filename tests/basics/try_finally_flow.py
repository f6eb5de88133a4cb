# finally runs on return, break and continue
def ret():
    try:
        return "try"
    finally:
        print("finally after return")
print(ret())
def override():
    try:
        return 1
    finally:
        return 2
print(override())
for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
def loop_ret():
    for i in range(5):
        try:
            try:
                return i
            finally:
                print("inner finally")
        finally:
            print("outer finally")
print(loop_ret())
def swallow():
    for i in range(2):
        try:
            raise ValueError
        finally:
            break
    return "swallowed"
print(swallow())
