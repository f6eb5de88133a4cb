from .. import mod

doubled = mod.value * 2
