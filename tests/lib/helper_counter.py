# Helper module that counts how often its body runs (module caching).
import sys
loads = getattr(sys, "_helper_counter_loads", 0) + 1
sys._helper_counter_loads = loads
