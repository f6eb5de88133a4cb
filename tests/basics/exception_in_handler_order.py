# first matching handler wins, subclasses before bases matter
def check(exc):
    try:
        raise exc
    except LookupError:
        return "LookupError"
    except KeyError:
        return "KeyError (unreachable)"
    except Exception:
        return "Exception"
print(check(KeyError()), check(IndexError()), check(ValueError()))
try:
    raise SystemExit(3)
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException", type(e).__name__, e.code)
