# Helper subpackage.
from .. import mod_a
sub_value = "sub+" + mod_a.a_value
