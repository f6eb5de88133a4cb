# a small program: accounts, exceptions, generators and closures together
class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(needed)
        self.needed = needed
class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self.balance += amount
        self.history.append(("dep", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount - self.balance)
        self.balance -= amount
        self.history.append(("wd", amount))
    def statements(self):
        running = 0
        for kind, amt in self.history:
            running += amt if kind == "dep" else -amt
            yield "%s %5d %6d" % (kind, amt, running)
def make_fee(rate):
    def fee(acct):
        charge = acct.balance * rate // 100
        acct.withdraw(charge)
        return charge
    return fee
bank = [Account("ann", 0), Account("bob", 0)]
bank[0].deposit(500)
bank[1].deposit(50)
for acct, amt in ((bank[0], 120), (bank[1], 80), (bank[0], 1000)):
    try:
        acct.withdraw(amt)
        print(acct.owner, "withdrew", amt)
    except InsufficientFunds as e:
        print(acct.owner, "short by", e.needed)
try:
    bank[1].deposit(-5)
except ValueError as e:
    print("rejected:", e.args[0])
fee = make_fee(10)
print([fee(a) for a in bank])
for a in bank:
    print(a.id, a.owner, a.balance)
    for line in a.statements():
        print("  " + line)
