# packages, submodules and relative imports inside them
import sys
sys.path.insert(0, "../lib")
import pkg
print(pkg.pkg_value, pkg.mod_a.a_value, pkg.b_func())
import pkg.sub.deep
print(pkg.sub.deep.deep())
from pkg.sub import deep as d, sub_value
print(d.deep(), sub_value)
from pkg import mod_b
print(mod_b.b_func())
import pkg.mod_a as ma
print(ma.a_func())
