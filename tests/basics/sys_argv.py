# args: first 2 "with space"
# sys.argv holds the script name and the arguments
import sys
print(sys.argv[0].endswith("sys_argv.py"))
print(sys.argv[1:])
print(len(sys.argv), type(sys.argv).__name__)
