# Helper package module.
a_value = "a"


def a_func():
    return "a_func"
