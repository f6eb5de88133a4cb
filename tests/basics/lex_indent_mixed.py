# different indent widths in different blocks
if True:
  print("two")
  if True:
        print("eight")
  print("back to two")
for i in range(1):
            print("twelve")
def f():
 return "one"
print(f())
