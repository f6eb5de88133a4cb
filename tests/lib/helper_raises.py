# Helper module whose body raises.
x = 1
raise ValueError("from helper_raises")
