# sys.exit with an int sets the exit status
import sys
print("exiting")
sys.exit(3)
print("never")
