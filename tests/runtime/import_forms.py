# import forms: packages, relative imports, from-import-star, sys.modules, aliases
import sys
sys.path.insert(0, "_pkgs")
import rtmod
import rtmod as again
print(rtmod.x, again is rtmod, "rtmod" in sys.modules)
import rtpkg.sub.deep
print(rtpkg.sub.deep.public, rtpkg.VALUE, rtpkg.helper())
import rtpkg.sub.deep as dp
print(dp.also, dp is rtpkg.sub.deep)
from rtpkg.sub import deep
print(deep.hidden)
from rtpkg.sub.deep import *
print(public, also, "hidden" in dir())
from rtmod import *
print(x, "_y" in dir())
from rtpkg import util
print(util.helper())
try:
    import no_such_module_xyz
except ImportError as e:
    print("ImportError", type(e).__name__)
try:
    from rtmod import nothing
except ImportError as e:
    print("ImportError name")
m = __import__("rtpkg.util")
print(m.__name__)
import json, math
print(type(json).__name__, math.floor(2.5))
