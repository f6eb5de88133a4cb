# user-defined exception hierarchy
class AppError(Exception):
    pass
class DbError(AppError):
    pass
class NetError(AppError):
    def __init__(self, host):
        super().__init__(host)
        self.host = host
for exc in (DbError("db"), NetError("h1"), AppError("app")):
    try:
        raise exc
    except DbError:
        print("db handler")
    except AppError as e:
        print("app handler", type(e).__name__, e.args)
try:
    raise NetError("h2")
except (DbError, NetError) as e:
    print(e.host)
