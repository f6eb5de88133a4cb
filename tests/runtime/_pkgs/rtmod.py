print("rtmod loading")
x = 1
_y = 2
