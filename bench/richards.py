# Benchmark: an operating-system task scheduler simulation in the style of Richards.

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
ITERATIONS = 25


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        tail = queue
        while tail.link is not None:
            tail = tail.link
        tail.link = self
        return queue


class Task:
    """A task control block: a task is blocked when held, or when waiting with no packet."""

    def __init__(self, sched, ident, priority, queue, body, waiting):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.body = body
        self.pending = queue is not None
        self.waiting = waiting
        self.held = False
        self.next = sched.tasks_list
        sched.tasks_list = self
        sched.table[ident] = self

    def blocked(self):
        return self.held or (self.waiting and not self.pending)

    def add_packet(self, packet, current):
        if self.queue is None:
            self.queue = packet
            self.pending = True
            if self.priority > current.priority:
                return self
            return current
        self.queue = packet.append_to(self.queue)
        return current


class Scheduler:
    def __init__(self):
        self.table = [None] * 6
        self.tasks_list = None
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def run(self):
        task = self.tasks_list
        while task is not None:
            if task.blocked():
                task = task.next
                continue
            packet = None
            if task.waiting and task.pending:
                packet = task.queue
                task.queue = packet.link
                task.waiting = False
                task.pending = task.queue is not None
            self.current = task
            task = task.body(self, task, packet)

    def hold(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.next

    def release(self, ident):
        task = self.table[ident]
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def wait(self):
        self.current.waiting = True
        return self.current

    def queue_packet(self, packet):
        target = self.table[packet.ident]
        self.queue_count += 1
        packet.link = None
        packet.ident = self.current.ident
        return target.add_packet(packet, self.current)


class IdleState:
    def __init__(self, count):
        self.control = 1
        self.count = count


def idle_body(sched, task, packet):
    st = task.state
    st.count -= 1
    if st.count == 0:
        return sched.hold()
    if st.control & 1 == 0:
        st.control >>= 1
        return sched.release(DEVICE_A)
    st.control = (st.control >> 1) ^ 0xD008
    return sched.release(DEVICE_B)


def worker_body(sched, task, packet):
    st = task.state
    if packet is None:
        return sched.wait()
    st[0] = HANDLER_B if st[0] == HANDLER_A else HANDLER_A
    packet.ident = st[0]
    packet.datum = 0
    for i in range(4):
        st[1] += 1
        if st[1] > 26:
            st[1] = 1
        packet.data[i] = st[1]
    return sched.queue_packet(packet)


def handler_body(sched, task, packet):
    st = task.state
    if packet is not None:
        if packet.kind == KIND_WORK:
            st[0] = packet.append_to(st[0])
        else:
            st[1] = packet.append_to(st[1])
    work = st[0]
    if work is not None:
        count = work.datum
        if count < 4:
            dev = st[1]
            if dev is not None:
                st[1] = dev.link
                dev.datum = work.data[count]
                work.datum = count + 1
                return sched.queue_packet(dev)
        else:
            st[0] = work.link
            return sched.queue_packet(work)
    return sched.wait()


def device_body(sched, task, packet):
    st = task.state
    if packet is None:
        if st[0] is None:
            return sched.wait()
        pending = st[0]
        st[0] = None
        return sched.queue_packet(pending)
    st[0] = packet
    return sched.hold()


def run_once(count):
    sched = Scheduler()
    t = Task(sched, IDLE, 0, None, idle_body, False)
    t.state = IdleState(count)
    queue = Packet(None, WORKER, KIND_WORK)
    queue = Packet(queue, WORKER, KIND_WORK)
    t = Task(sched, WORKER, 1000, queue, worker_body, True)
    t.state = [HANDLER_A, 0]
    for handler, device, priority in ((HANDLER_A, DEVICE_A, 2000), (HANDLER_B, DEVICE_B, 3000)):
        queue = Packet(None, device, KIND_DEVICE)
        queue = Packet(queue, device, KIND_DEVICE)
        queue = Packet(queue, device, KIND_DEVICE)
        t = Task(sched, handler, priority, queue, handler_body, True)
        t.state = [None, None]
    for device, priority in ((DEVICE_A, 4000), (DEVICE_B, 5000)):
        t = Task(sched, device, priority, None, device_body, True)
        t.state = [None]
    sched.run()
    return sched.queue_count, sched.hold_count


total_q = total_h = 0
for i in range(ITERATIONS):
    q, h = run_once(10000)
    total_q += q
    total_h += h
print("richards queue", total_q, "hold", total_h)
