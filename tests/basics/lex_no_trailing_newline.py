# file ends without a newline
print("ok")
if True:
    print("last")