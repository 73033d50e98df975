#!/usr/bin/python3
"""Benchmark harun against Debian's real heartbeat 3.0.6 in network namespaces.

Builds the release preset (build/release) when harun is missing (or --build is given). Each run
builds a fresh harness like tests/runtime/daemon/cluster.cpp:

  client ns "c": bridge br0 198.51.100.1/24 --+-- veth -- ns "a" eth0 198.51.100.11/24
                                              +-- veth -- ns "b" eth0 198.51.100.12/24
  heartbeat ns "h": bridge hbr 192.0.2.9/24 --+-- veth -- ns "a" eth1 192.0.2.1/24
                                              +-- veth -- ns "b" eth1 192.0.2.2/24

node a (srv5) owns the VIP 198.51.100.100 (Debian's IPaddr), HTTP servers answer "NodeA" /
"NodeB", and a poller asks the VIP from the client namespace every 20 ms. The same ha.cf,
haresources and authkeys (sha1, auto_failback on) run under harun and under heartbeat 3.0.6
(tests/runtime/daemon/run_heartbeat.sh), at two timing sets. Measured: start-up, failover,
failback, the longest outage while the partition heals, RSS and idle CPU of the daemons. The
results replace the bench:harun section of docs/performance.md (the rest is kept).

    /usr/bin/python3 bench/bench_harun.py [--sets slow,fast] [--slow-runs 3] [--fast-runs 5]
        [--idle-seconds 60] [--daemons harun,heartbeat] [--harun PATH] [--no-write] [--keep]

Needs root (namespaces) and Debian's heartbeat package.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import perf_report  # bench/perf_report.py, beside this script

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build", "release")
HARUN = os.path.join(BUILD, "runtime", "harun")
HACOMPILE = os.path.join(BUILD, "compiler", "tool", "hacompile")
HEARTBEAT = "/usr/libexec/heartbeat/heartbeat"
IPADDR = "/etc/ha.d/resource.d/IPaddr"
RUN_HEARTBEAT = os.path.join(ROOT, "tests", "runtime", "daemon", "run_heartbeat.sh")
REPORT = os.path.join(ROOT, "docs", "performance.md")
BEGIN = "<!-- bench:harun:begin (written by bench/bench_harun.py; do not edit) -->"
END = "<!-- bench:harun:end -->"

VIP = "198.51.100.100"
NODE_NAME = {"a": "srv5.localdomain", "b": "srv6.localdomain"}
HEARTBEAT_ADDRESS = {"a": "192.0.2.1", "b": "192.0.2.2"}
EXTERNAL_ADDRESS = {"a": "198.51.100.11", "b": "198.51.100.12"}
BODY = {"a": "NodeA", "b": "NodeB"}
# A 50 ms goal needs a finer poll than 50 ms: a request every 20 ms, each on a fresh connection.
POLL_PERIOD = 0.02
REQUEST_TIMEOUT = 0.25

# Values as written in ha.cf, and the same in seconds for the script's own waits.
TIMING_SETS = {
    "slow": {"keepalive": "2", "warntime": "10", "deadtime": "30", "initdead": "60",
             "k": 2.0, "dead": 30.0, "init": 60.0, "label": "keepalive 2 s / warntime 10 s / "
             "deadtime 30 s / initdead 60 s (the seed's timings, initdead 60 s)"},
    "fast": {"keepalive": "100ms", "warntime": "250ms", "deadtime": "500ms", "initdead": "2",
             "k": 0.1, "dead": 0.5, "init": 2.0, "label": "keepalive 100 ms / warntime 250 ms / "
             "deadtime 500 ms / initdead 2 s"},
}

# Runs inside the client namespace: every POLL_PERIOD a thread sends `GET /` on a fresh TCP
# connection (several may be in flight, so a hanging request does not delay the next poll) and
# prints one line when it ends: start, end (CLOCK_MONOTONIC, shared by all namespaces),
# 0 for an HTTP 200 answer else 1, body. Threads, not curl processes, so that polling this often
# costs little CPU.
POLLER = r"""
import socket, sys, threading, time
host, port = sys.argv[1], int(sys.argv[2])
period, timeout, limit = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
printing = threading.Lock()

def ask(start):
    ok, body = False, "-"
    try:
        with socket.create_connection((host, port), timeout=timeout) as conn:
            conn.sendall(b"GET / HTTP/1.0\r\nHost: vip\r\n\r\n")
            data = b""
            while len(data) < 65536:
                conn.settimeout(max(0.001, start + timeout - time.monotonic()))
                chunk = conn.recv(4096)
                if not chunk:
                    break
                data += chunk
        head, _, payload = data.partition(b"\r\n\r\n")
        status = head.split(b"\r\n", 1)[0].split()
        if len(status) > 1 and status[1] == b"200":
            ok, body = True, payload.decode("utf-8", "replace").strip() or "-"
    except OSError:
        pass
    with printing:
        print(f"{start:.6f} {time.monotonic():.6f} {0 if ok else 1} {body}", flush=True)

end = time.monotonic() + limit
next_poll = time.monotonic()
while time.monotonic() < end:
    now = time.monotonic()
    if now >= next_poll:
        if threading.active_count() < 50:
            threading.Thread(target=ask, args=(now,), daemon=True).start()
        next_poll = max(next_poll + period, now)
    time.sleep(max(0.0, min(next_poll, end) - time.monotonic()))
"""

# harun's "harun[12]: 2026/11/27_06:49:36.122 WARN: ..." and heartbeat's syslog-like
# "Nov 27 06:50:26 srv6.localdomain heartbeat: [7670]: WARN: ..." (whole seconds, no year).
HARUN_STAMP = re.compile(r"\[\d+\]: (\d{4}/\d\d/\d\d_\d\d:\d\d:\d\d)(\.\d+)? ")
HEARTBEAT_STAMP = re.compile(r"^([A-Z][a-z]{2} +\d+ \d\d:\d\d:\d\d) \S+ heartbeat: ")


def log_line_time(line):
    """Epoch seconds of a log line (local time), or None."""
    stamp = HARUN_STAMP.search(line)
    if stamp:
        when = time.mktime(time.strptime(stamp.group(1), "%Y/%m/%d_%H:%M:%S"))
        return when + float("0" + (stamp.group(2) or ""))
    stamp = HEARTBEAT_STAMP.search(line)
    if stamp:
        text = f"{time.localtime().tm_year} {' '.join(stamp.group(1).split())}"
        return time.mktime(time.strptime(text, "%Y %b %d %H:%M:%S"))
    return None


# Every namespace and process this script made, so that cleanup finds them all.
LIVE_NAMESPACES = []
LIVE_PROCESSES = []


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(args, check=True, **kwargs):
    done = subprocess.run(args, capture_output=True, text=True, timeout=60, **kwargs)
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return done


def kill_namespace(name):
    """Kills whatever runs in the namespace (daemons, detached heartbeat, send_arp, servers)."""
    # A process may fork while its parent is killed: sweep until empty (bounded).
    for _ in range(50):
        pids = run(["ip", "netns", "pids", name], check=False).stdout.split()
        if not pids:
            break
        for pid in pids:
            try:
                os.kill(int(pid), signal.SIGKILL)
            except (ProcessLookupError, ValueError):
                pass
        time.sleep(0.02)
    run(["ip", "netns", "del", name], check=False)


def cleanup_everything():
    for proc in LIVE_PROCESSES:
        if proc.poll() is None:
            proc.kill()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
    LIVE_PROCESSES.clear()
    for name in list(LIVE_NAMESPACES):
        kill_namespace(name)
    LIVE_NAMESPACES.clear()


def spawn(args, log_path, **kwargs):
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=open(log_path, "w"),
                            stdin=subprocess.DEVNULL, **kwargs)
    LIVE_PROCESSES.append(proc)
    return proc


def wait_until(condition, limit, step=0.02):
    """Polls condition() until it returns something truthy; None after `limit` seconds."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return None


class Poller:
    """Asks the VIP from the client namespace every POLL_PERIOD; the answers with times."""

    def __init__(self, namespace, log_path, limit):
        self.answers = []  # (start, end, ok, body)
        self.lock = threading.Lock()
        self.proc = subprocess.Popen(
            ["ip", "netns", "exec", namespace, "/usr/bin/python3", "-c", POLLER,
             VIP, "8080", str(POLL_PERIOD), str(REQUEST_TIMEOUT), str(limit)],
            stdout=subprocess.PIPE, stderr=open(log_path, "w"), stdin=subprocess.DEVNULL,
            text=True)
        LIVE_PROCESSES.append(self.proc)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stdout:
            start, end, code, body = line.split(None, 3)
            body = body.strip()
            with self.lock:
                self.answers.append((float(start), float(end), code == "0" and body != "-",
                                     body))

    def snapshot(self):
        with self.lock:
            return sorted(self.answers, key=lambda answer: answer[1])

    def first_answer(self, after, body=None):
        """End time of the first successful answer (with that body) finished after `after`."""
        for _, end, ok, text in self.snapshot():
            if end >= after and ok and (body is None or text == body):
                return end, text
        return None


class Harness:
    """The two node namespaces, client and heartbeat switches, HTTP servers and the poller."""

    def __init__(self, prefix, workdir, timing, daemon):
        self.prefix = prefix
        self.dir = workdir
        self.timing = timing
        self.daemon = daemon  # "harun" or "heartbeat"
        self.poller = None
        self.daemons = {}
        os.makedirs(workdir)
        for ns in "abch":
            run(["ip", "netns", "add", self.ns(ns)])
            LIVE_NAMESPACES.append(self.ns(ns))
            run(["ip", "-n", self.ns(ns), "link", "set", "lo", "up"])
        c, h = self.ns("c"), self.ns("h")
        run(["ip", "-n", c, "link", "add", "br0", "type", "bridge"])
        run(["ip", "-n", c, "addr", "add", "198.51.100.1/24", "dev", "br0"])
        run(["ip", "-n", c, "link", "set", "br0", "up"])
        run(["ip", "-n", h, "link", "add", "hbr", "type", "bridge"])
        run(["ip", "-n", h, "addr", "add", "192.0.2.9/24", "dev", "hbr"])
        run(["ip", "-n", h, "link", "set", "hbr", "up"])
        for node in "ab":
            n = self.ns(node)
            for device, switch, bridge, address in (
                    ("eth0", c, "br0", EXTERNAL_ADDRESS[node]),
                    ("eth1", h, "hbr", HEARTBEAT_ADDRESS[node])):
                port = ("p" if device == "eth0" else "h") + node
                run(["ip", "-n", n, "link", "add", device, "type", "veth", "peer", "name", port,
                     "netns", switch])
                run(["ip", "-n", switch, "link", "set", port, "master", bridge, "up"])
                run(["ip", "-n", n, "addr", "add", address + "/24", "dev", device])
                run(["ip", "-n", n, "link", "set", device, "up"])
            self.write_config(node)
            www = os.path.join(workdir, "www-" + node)
            os.makedirs(www)
            with open(os.path.join(www, "index.html"), "w") as out:
                out.write(BODY[node])
            spawn(["ip", "netns", "exec", n, "/usr/bin/python3", "-m", "http.server", "8080",
                   "--bind", "0.0.0.0", "--directory", www],
                  os.path.join(workdir, f"http-{node}.log"))

    def ns(self, name):
        return self.prefix + name

    def folder(self, node):
        return os.path.join(self.dir, "srv5" if node == "a" else "srv6")

    def log_path(self, node):
        return os.path.join(self.dir, f"node-{node}.log")

    def write_config(self, node):
        t = self.timing
        peer = "b" if node == "a" else "a"
        folder = self.folder(node)
        os.makedirs(folder)
        with open(os.path.join(folder, "ha.cf"), "w") as out:
            out.write(f"logfile {self.log_path(node)}\n"
                      "logfacility local0\n"
                      f"keepalive {t['keepalive']}\nwarntime {t['warntime']}\n"
                      f"deadtime {t['deadtime']}\ninitdead {t['initdead']}\n"
                      "udpport 694\n"
                      f"ucast eth1 {HEARTBEAT_ADDRESS[peer]}\n"
                      "auto_failback on\n"
                      "node srv5.localdomain\nnode srv6.localdomain\n")
        with open(os.path.join(folder, "haresources"), "w") as out:
            out.write(f"srv5.localdomain IPaddr::{VIP}/32\n")
        authkeys = os.path.join(folder, "authkeys")
        with open(authkeys, "w") as out:
            out.write("auth 1\n1 sha1 hakit-bench-shared-secret\n")
        os.chmod(authkeys, 0o600)
        with open(os.path.join(folder, "nodeinfo"), "w") as out:
            out.write(NODE_NAME[node] + "\n")

    def start_poller(self, limit):
        self.poller = Poller(self.ns("c"), os.path.join(self.dir, "poller.log"), limit)

    def start_daemons(self):
        """Starts both nodes at the same moment; returns the time just before the start."""
        started = time.monotonic()
        launchers = {}
        for node in "ab":
            if self.daemon == "harun":
                self.daemons[node] = spawn(
                    ["ip", "netns", "exec", self.ns(node), HARUN, "run", "--config",
                     self.folder(node), "--node", NODE_NAME[node], "--state-dir",
                     os.path.join(self.dir, "state-" + node), "--foreground"],
                    os.path.join(self.dir, f"stderr-{node}.log"))
            else:
                launchers[node] = spawn(
                    ["ip", "netns", "exec", self.ns(node), "/bin/sh", RUN_HEARTBEAT,
                     NODE_NAME[node], self.folder(node), os.path.join(self.dir, "hb-" + node)],
                    os.path.join(self.dir, f"stderr-{node}.log"))
        for node, launcher in launchers.items():
            # heartbeat detaches: the launcher ends once the daemon runs in the background.
            if launcher.wait(timeout=30) != 0:
                raise RuntimeError(f"heartbeat did not start on node {node}: "
                                   f"{open(os.path.join(self.dir, f'stderr-{node}.log')).read()}")
        return started

    def daemon_pids(self, node):
        """PIDs of the daemon's processes in the node's namespace (heartbeat forks several)."""
        binary = os.path.realpath(HARUN if self.daemon == "harun" else HEARTBEAT)
        pids = []
        for pid in run(["ip", "netns", "pids", self.ns(node)], check=False).stdout.split():
            try:
                if os.path.realpath(os.readlink(f"/proc/{pid}/exe")) == binary:
                    pids.append(int(pid))
            except OSError:
                pass
        return pids

    def rss_kib(self, node):
        """Sums of VmRSS and of its anonymous part (RssAnon) in KiB, and the process count."""
        total = anonymous = 0
        pids = self.daemon_pids(node)
        for pid in pids:
            try:
                with open(f"/proc/{pid}/status") as status:
                    for line in status:
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
                        elif line.startswith("RssAnon:"):
                            anonymous += int(line.split()[1])
            except OSError:
                pass
        return total, anonymous, len(pids)

    def pss_kib(self, node):
        """Sum of the proportional set size (shared pages divided among their users)."""
        total = 0
        for pid in self.daemon_pids(node):
            try:
                with open(f"/proc/{pid}/smaps_rollup") as rollup:
                    for line in rollup:
                        if line.startswith("Pss:"):
                            total += int(line.split()[1])
            except OSError:
                pass
        return total

    def cpu_ticks(self, node):
        ticks = {}
        for pid in self.daemon_pids(node):
            try:
                with open(f"/proc/{pid}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                # utime and stime are fields 14 and 15 of stat; fields[0] here is field 3.
                ticks[pid] = int(fields[11]) + int(fields[12])
            except (OSError, IndexError, ValueError):
                pass
        return ticks

    def set_links(self, node, state):
        run(["ip", "-n", self.ns(node), "-batch", "-"],
            input=f"link set eth0 {state}\nlink set eth1 {state}\n")

    def harun_settled(self):
        """harun: comm is up on both nodes and each sees its peer with the configured dead
        time (a starting peer advertises a longer one for a while)."""
        for node in "ab":
            done = run([HARUN, "status", "--json", "--state-dir",
                        os.path.join(self.dir, "state-" + node)], check=False)
            if done.returncode != 0:
                return False
            try:
                status = json.loads(done.stdout)
            except ValueError:
                return False
            if not status.get("comm_up"):
                return False
            for member in status.get("nodes", []):
                if not member.get("local", True) and \
                        member.get("dead_timeout_ms") != int(self.timing["dead"] * 1000):
                    return False
        return True

    def logged_at(self, node, text, after):
        """Wall-clock time of the first line of the node's ha.cf log after `after` (epoch
        seconds) that contains `text`; heartbeat's stamps have whole seconds only."""
        try:
            with open(self.log_path(node), errors="replace") as log_file:
                for line in log_file:
                    if text not in line:
                        continue
                    when = log_line_time(line)
                    if when is not None and when >= after - 1.0:
                        return when
        except OSError:
            pass
        return None

    def log_contains(self, node, text):
        try:
            with open(self.log_path(node), errors="replace") as log_file:
                return text in log_file.read()
        except OSError:
            return False

    def teardown(self):
        for proc in list(LIVE_PROCESSES):
            if proc.poll() is None:
                proc.kill()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    pass
            LIVE_PROCESSES.remove(proc)
        for ns in "abch":
            if self.ns(ns) in LIVE_NAMESPACES:
                kill_namespace(self.ns(ns))
                LIVE_NAMESPACES.remove(self.ns(ns))


def longest_gap(answers, start, end):
    """The longest time without a successful answer between `start` and `end`."""
    times = [start] + [a[1] for a in answers if a[2] and start <= a[1] <= end] + [end]
    return max(later - earlier for earlier, later in zip(times, times[1:]))


def settled_after(poller, since, stable):
    """First time from which the VIP answered "NodeA" without fail for `stable` seconds."""
    answers = [a for a in poller.snapshot() if a[1] >= since]
    if not answers:
        return None
    last_bad = since
    for _, end, ok, body in answers:
        if not (ok and body == "NodeA"):
            last_bad = end
    good = [a[1] for a in answers if a[1] > last_bad]
    if good and answers[-1][1] - good[0] >= stable:
        return good[0]
    return None


def one_run(daemon, set_name, index, scratch, idle_seconds):
    """One full scenario; returns a dict of figures (seconds, KiB) and notes."""
    t = TIMING_SETS[set_name]
    prefix = f"hkb{os.getpid()}{daemon[0]}{set_name[0]}{index}"
    workdir = os.path.join(scratch, f"{daemon}-{set_name}-{index}")
    result = {"notes": []}
    harness = Harness(prefix, workdir, t, daemon)
    try:
        # Upper bound of the whole scenario, for the poller's own limit.
        harness.start_poller(limit=3 * t["init"] + 6 * t["dead"] + idle_seconds + 400)
        time.sleep(0.5)

        started = harness.start_daemons()
        first = wait_until(lambda: harness.poller.first_answer(started), t["init"] + 90)
        if not first:
            raise RuntimeError("the VIP never answered after the start")
        result["startup"] = first[0] - started
        if first[1] != "NodeA":
            result["notes"].append(f"first answer after the start came from {first[1]}")
        if not wait_until(lambda: harness.poller.first_answer(started, "NodeA"), 90):
            raise RuntimeError("node a never served the VIP")
        if daemon == "harun":
            if not wait_until(harness.harun_settled, 30, step=0.1):
                raise RuntimeError("harun did not settle")
            time.sleep(3 * t["k"])
        else:
            # heartbeat: b has seen a active; then a few keepalives and at least 6 s since the
            # start (heartbeat advertises 2 s more dead time during its first 5 s).
            if not wait_until(lambda: harness.log_contains(
                    "b", "Status update for node srv5.localdomain: status active"), 60, 0.1):
                result["notes"].append("heartbeat b never logged srv5 active")
            time.sleep(max(3 * t["k"], 2.0, started + 6.0 - time.monotonic()))

        for node in "ab":
            rss, anonymous, processes = harness.rss_kib(node)
            result[f"rss_{node}"] = rss
            result[f"rss_anon_{node}"] = anonymous
            result[f"pss_{node}"] = harness.pss_kib(node)
            result[f"procs_{node}"] = processes
        if idle_seconds:
            before = {node: harness.cpu_ticks(node) for node in "ab"}
            idle_start = time.monotonic()
            time.sleep(idle_seconds)
            elapsed = time.monotonic() - idle_start
            hz = os.sysconf("SC_CLK_TCK")
            for node in "ab":
                after = harness.cpu_ticks(node)
                used = sum(after[pid] - before[node][pid] for pid in after if pid in before[node])
                result[f"cpu_{node}"] = used / hz * 60.0 / elapsed

        # Failover: cut node a's links.
        cut_wall = time.time()
        cut = time.monotonic()
        harness.set_links("a", "down")
        took = wait_until(lambda: harness.poller.first_answer(cut, "NodeB"), t["dead"] + 60)
        if not took:
            raise RuntimeError("node b never served the VIP after the cut")
        result["failover"] = took[0] - cut
        if daemon == "harun":
            # heartbeat's log has whole seconds only: too coarse for this breakdown.
            declared = wait_until(lambda: harness.logged_at(
                "b", "node srv5.localdomain: is dead", cut_wall), 5, 0.1)
            if declared:
                result["declared_dead"] = declared - cut_wall
            announced = wait_until(lambda: harness.logged_at("b", f"announced {VIP}",
                                                             cut_wall), 2, 0.1)
            if announced:
                result["vip_added"] = announced - cut_wall
        # Let the isolated node a declare b dead as well (a real partition), then heal.
        time.sleep(max(0.0, cut + t["dead"] + 2 * t["k"] + 1.0 - time.monotonic(),
                       took[0] + 1.0 - time.monotonic()))

        restored = time.monotonic()
        harness.set_links("a", "up")
        back = wait_until(lambda: harness.poller.first_answer(restored, "NodeA"),
                          2 * t["init"] + 3 * t["dead"] + 90)
        if not back:
            raise RuntimeError("node a never served the VIP again after the links came back")
        result["failback"] = back[0] - restored
        stable = max(5.0, 10 * t["k"] + 5.0) if t["dead"] < 5 else 15.0
        settled = wait_until(lambda: settled_after(harness.poller, restored, stable),
                             2 * t["init"] + 4 * t["dead"] + 120, step=0.2)
        if not settled:
            raise RuntimeError("the VIP did not settle on node a after the partition healed")
        result["heal_outage"] = longest_gap(harness.poller.snapshot(), restored,
                                            settled + stable)
        result["settled"] = settled - restored
        return result
    except Exception:
        for node in "ab":
            path = harness.log_path(node)
            if os.path.exists(path):
                log(f"--- tail of {path}")
                print("".join(open(path, errors="replace").readlines()[-15:]), file=sys.stderr)
        raise
    finally:
        harness.teardown()


def median_range(values, scale, unit, digits=0):
    if not values:
        return "not measured"
    scaled = [v * scale for v in values]
    fmt = f"{{:.{digits}f}}"
    text = f"{fmt.format(statistics.median(scaled))} {unit}"
    if len(scaled) > 1:
        text += f" ({fmt.format(min(scaled))}–{fmt.format(max(scaled))})"
    return text


def machine_info():
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    return f"{perf_report.machine_line()}, load average {load} at the start"


def write_section(text):
    perf_report.write_section(BEGIN, END, text)


FIGURES = [
    # key, label, scale, unit, digits
    ("startup", "Start-up: both nodes started together → first answer from the VIP", 1000,
     "ms", 0),
    ("failover", "Failover: node a's links cut → first answer \"NodeB\"", 1000, "ms", 0),
    ("declared_dead", "… of which: node b logs node a dead (harun's log, ms stamps)", 1000,
     "ms", 0),
    ("vip_added", "… and node b has added and announced the VIP (harun's log)",
     1000, "ms", 0),
    ("failback", "Failback: links back → first answer \"NodeA\"", 1000, "ms", 0),
    ("heal_outage", "Longest time without an answer while the partition heals", 1000, "ms", 0),
    ("settled", "Links back → VIP settled on node a", 1000, "ms", 0),
    ("rss_a", "RSS of the daemon on node a (VIP holder)", 1 / 1024, "MiB", 2),
    ("rss_anon_a", "… of which anonymous memory (RssAnon), node a", 1 / 1024, "MiB", 2),
    ("pss_a", "PSS of the daemon on node a (shared pages divided among their users)",
     1 / 1024, "MiB", 2),
    ("rss_b", "RSS of the daemon on node b", 1 / 1024, "MiB", 2),
    ("cpu_a", "CPU while idle, node a", 1, "s/min", 3),
    ("cpu_b", "CPU while idle, node b", 1, "s/min", 3),
]


def report(results, given, machine, started_at, failures):
    lines = [
        "## harun against heartbeat 3.0.6",
        "",
        f"Measured {started_at} with `/usr/bin/python3 bench/bench_harun.py` on {machine}. "
        "harun from the release preset; heartbeat is Debian's 3.0.6 package.",
        "",
        "Method: for every run a fresh harness in network namespaces, as in "
        "`tests/runtime/daemon/cluster.cpp`: two node namespaces, each with an external link "
        "to a client namespace (bridge, 198.51.100.0/24) and a heartbeat link to a switch "
        "namespace (192.0.2.0/24, `ucast eth1`). Node a (srv5) owns the VIP 198.51.100.100, "
        "an `IPaddr` resource: heartbeat adds it with Debian's real `IPaddr`, harun claims it "
        "ahead of the script (early address claim, docs/runtime.md) and the same script's "
        "`status` then finds it running; each node runs a Python HTTP server answering "
        "\"NodeA\" / \"NodeB\"; the client namespace sends `GET /` to the VIP on a fresh TCP "
        "connection every 20 ms (0.25 s limit each; several may be in flight, so a hanging "
        "request does not delay "
        "the next one) and every figure is the end time of the first matching answer. Both "
        "daemons get the same `ha.cf` (no `ping`/`ipfail`), `haresources` and `authkeys` "
        "(sha1), `auto_failback on`; heartbeat runs in private mount and UTS namespaces "
        "(`tests/runtime/daemon/run_heartbeat.sh`). A run: both nodes started at the same "
        "moment; once settled, RSS (sum of `VmRSS` of every process whose executable is the "
        "daemon: harun is one process, heartbeat several) and, in the first run of each set, "
        f"CPU over a {given.idle_seconds} s idle window (utime+stime from `/proc/<pid>/stat`, "
        "scaled to one minute; the poller keeps running); then both links of node a are set "
        "down (`ip link set`), and once node a has also had time to declare b dead (deadtime "
        "+ 2 keepalives + 1 s after the cut) they are set up again. The outage is the longest "
        "interval without a successful answer from the moment the links come back until the "
        f"VIP has answered \"NodeA\" without a failure for a stable window (15 s for the slow "
        "set, 6 s for the fast one); the poll period (20 ms) is the smallest gap that can be "
        "seen. Median (min–max) over the runs.",
        "",
    ]
    goals = []
    for set_name in given.sets:
        t = TIMING_SETS[set_name]
        lines += [f"### {t['label']}", "",
                  "| Figure | harun median (min–max) | heartbeat 3.0.6 median (min–max) | Runs "
                  "(harun / heartbeat) |",
                  "|---|---:|---:|---:|"]
        for key, label, scale, unit, digits in FIGURES:
            cells = []
            counts = []
            for daemon in ("harun", "heartbeat"):
                values = [r[key] for r in results[(daemon, set_name)] if key in r]
                cells.append(median_range(values, scale, unit, digits))
                counts.append(str(len(values)))
            lines.append(f"| {label} | {cells[0]} | {cells[1]} | {' / '.join(counts)} |")
        procs = sorted({r.get("procs_a") for r in results[("heartbeat", set_name)]} |
                       {r.get("procs_b") for r in results[("heartbeat", set_name)]} - {None})
        if procs:
            lines += ["", f"heartbeat's RSS and CPU are summed over its "
                          f"{'/'.join(str(p) for p in procs)} processes per node."]
        lines.append("")

        harun_failovers = [r["failover"] for r in results[("harun", set_name)] if "failover"
                           in r]
        limit = t["dead"] + 0.05
        if harun_failovers:
            verdict = "met" if max(harun_failovers) <= limit else "not met"
            within = sum(1 for f in harun_failovers if f <= limit)
            goals.append(f"- Failover ≤ deadtime + 50 ms ({limit * 1000:.0f} ms), {set_name} "
                         f"set: **{verdict}** ({within} of {len(harun_failovers)} runs within "
                         f"it; harun's slowest of {len(harun_failovers)} runs "
                         f"{max(harun_failovers) * 1000:.0f} ms, median "
                         f"{statistics.median(harun_failovers) * 1000:.0f} ms).")
    rss = [r[k] for s in given.sets for r in results[("harun", s)] for k in ("rss_a", "rss_b")
           if k in r]
    if rss:
        verdict = "met" if max(rss) <= 4096 else "not met"
        goals.append(f"- RSS ≤ 4 MB (4 MiB = 4096 KiB of `VmRSS`): **{verdict}** (harun's "
                     f"largest {max(rss)} KiB over {len(rss)} samples).")
    lines += ["### Goals (issue 6)", ""] + goals + [""]
    notes = []
    for (daemon, set_name), runs in results.items():
        for number, r in enumerate(runs, 1):
            for note in r["notes"]:
                notes.append(f"- {daemon}, {set_name} set, run {number}: {note}.")
    for set_name in given.sets:
        runs = results[("harun", set_name)]
        script = [r["vip_added"] - r["declared_dead"] for r in runs
                  if "vip_added" in r and "declared_dead" in r]
        if script:
            notes.append(
                f"- harun, {set_name} set: between declaring node a dead and announcing the VIP "
                f"(early address claim: the address added over rtnetlink, then the gratuitous "
                f"ARP, before Debian's `IPaddr` runs) node b spent "
                f"{median_range(script, 1000, 'ms')}.")
    anonymous = [r[k] for s in given.sets for r in results[("harun", s)]
                 for k in ("rss_anon_a", "rss_anon_b") if k in r]
    pss = [r[k] for s in given.sets for r in results[("harun", s)] for k in ("pss_a", "pss_b")
           if k in r]
    if anonymous and pss:
        notes.append(f"- The release preset links harun statically, fmt compiled in and unused "
                     f"code left out (docs/runtime.md, \"Building a small harun\"), so its VmRSS "
                     f"is its own code pages plus anonymous memory "
                     f"{median_range(anonymous, 1, 'KiB')}; PSS "
                     f"{median_range(pss, 1, 'KiB')}. heartbeat's figures include its shared "
                     f"libraries.")
    for failure in failures:
        notes.append(f"- {failure}")
    if notes:
        lines += ["### Notes", ""] + notes
    return "\n".join(lines)


def build_if_missing(force):
    if not force and os.access(HARUN, os.X_OK) and os.access(HACOMPILE, os.X_OK):
        return
    subprocess.run(["cmake", "--preset", "release"], cwd=ROOT, check=True)
    subprocess.run(["cmake", "--build", "--preset", "release", "--target", "harun", "hacompile"],
                   cwd=ROOT, check=True)


def check_prerequisites():
    if os.geteuid() != 0:
        sys.exit("network namespaces need root")
    for path in (HEARTBEAT, IPADDR, RUN_HEARTBEAT):
        if not os.path.exists(path):
            sys.exit(f"{path} is missing (Debian packages heartbeat, resource-agents)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="slow,fast", help="timing sets: slow, fast")
    parser.add_argument("--slow-runs", type=int, default=3)
    parser.add_argument("--fast-runs", type=int, default=5)
    parser.add_argument("--idle-seconds", type=int, default=60)
    parser.add_argument("--daemons", default="harun,heartbeat")
    parser.add_argument("--build", action="store_true", help="rebuild harun and hacompile")
    parser.add_argument("--harun", help="use this harun binary instead of the release preset's")
    parser.add_argument("--no-write", action="store_true", help="print, do not write the doc")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory")
    given = parser.parse_args()
    given.sets = [s for s in given.sets.split(",") if s]
    for s in given.sets:
        if s not in TIMING_SETS:
            sys.exit(f"unknown timing set {s}")
    daemons = [d for d in given.daemons.split(",") if d]

    check_prerequisites()
    global HARUN
    if given.harun:
        HARUN = os.path.abspath(given.harun)
    else:
        build_if_missing(given.build)
    machine = machine_info()
    started_at = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    scratch = tempfile.mkdtemp(prefix="hkb-bench-")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    results = {(d, s): [] for s in given.sets for d in ("harun", "heartbeat")}
    failures = []
    try:
        for set_name in given.sets:
            runs = given.slow_runs if set_name == "slow" else given.fast_runs
            for daemon in daemons:
                for index in range(runs):
                    log(f"{daemon}, {set_name} set, run {index + 1}/{runs}")
                    try:
                        r = one_run(daemon, set_name, index, scratch,
                                    given.idle_seconds if index == 0 else 0)
                    except RuntimeError as error:
                        failures.append(f"{daemon}, {set_name} set, run {index + 1} failed: "
                                        f"{error}")
                        log(failures[-1])
                        continue
                    results[(daemon, set_name)].append(r)
                    log(", ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                                  for k, v in r.items() if k != "notes") +
                        (f" notes: {r['notes']}" if r["notes"] else ""))
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        cleanup_everything()
        if not given.keep:
            shutil.rmtree(scratch, ignore_errors=True)
        signal.signal(signal.SIGINT, signal.default_int_handler)

    text = report(results, given, machine, started_at, failures)
    if given.no_write:
        print(text)
    else:
        write_section(text)
        log(f"wrote {os.path.relpath(REPORT, ROOT)}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("interrupted: namespaces and processes cleaned up, nothing written")
