#!/usr/bin/python3
"""Benchmark hacheck: fleet mode on generated node folders and the seed pair.

Builds the release preset when build/release/lint/hacheck is missing (or --build is given),
generates N node folders (two nodes per cluster, seeded RNG, sizes like real files), times
`hacheck --recursive` for several N, times `hacheck examples/seed/srv5 examples/seed/srv6`
(hyperfine when installed, else its own loop; median), measures peak RSS with /usr/bin/time -v
and rewrites its own section of docs/performance.md (between the bench:hacheck markers; the
rest of the file is kept).

    /usr/bin/python3 bench/bench.py [--sizes 1000,2500,5000,10000] [--runs 5] [--seed-runs 200]
"""
import argparse
import datetime
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import perf_report  # bench/perf_report.py, beside this script

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HACHECK = os.path.join(ROOT, "build", "release", "lint", "hacheck")
REPORT = os.path.join(ROOT, "docs", "performance.md")
BEGIN = "<!-- bench:hacheck:begin (written by bench/bench.py; do not edit) -->"
END = "<!-- bench:hacheck:end -->"

HA_CF = """#
#\t/etc/ha.d/ha.cf on {local}
#
#\tTwo-node cluster {cluster}: {local} and {peer} share {vip}.
#\tKeep this file the same on both nodes except for the ucast peer.
#

# Where to log: our own file plus syslog.
logfile\t\t/var/log/ha-log
logfacility\tlocal0

# Timing, in seconds.
keepalive {keepalive}
warntime {warntime}
deadtime {deadtime}
initdead {initdead}

# Heartbeat port (694 is the IANA ha-cluster port).
udpport\t{udpport}

# Two heartbeat paths: unicast on the private link, broadcast on the LAN.
ucast eth1 {peer_ip}
bcast eth0

auto_failback {failback}

# Cluster members; the names must match `uname -n` on each node.
node\t{first}
node\t{second}

ping {gateway}
respawn hacluster /usr/lib/heartbeat/ipfail
"""

HARESOURCES = """#
#\t/etc/haresources -- identical on {first} and {second}.
#
#\t<preferred node> <resource> [<resource> ...]
#
{first} IPaddr::{vip}/24/eth0 {service}
"""

AUTHKEYS = """#
#\t/etc/ha.d/authkeys -- identical on both nodes, mode 600
#
auth 1
1 sha1 {key}
"""


def generate(root, folders, seed):
    """Writes `folders` node folders below root, two per cluster folder."""
    rng = random.Random(seed)
    clusters = (folders + 1) // 2
    written = 0
    for c in range(clusters):
        net = f"10.{c // 250 % 250}.{c % 250}"
        names = [f"n{c:05d}a", f"n{c:05d}b"]
        keepalive = rng.choice([1, 2, 2, 2, 3])
        deadtime = keepalive * rng.choice([2, 10, 15, 15, 20])  # some too short: findings
        values = {
            "cluster": f"c{c:05d}",
            "vip": f"{net}.100",
            "keepalive": keepalive,
            "warntime": deadtime // 2,
            "deadtime": deadtime,
            "initdead": max(deadtime * 2, 60) if rng.random() > 0.05 else deadtime,
            "udpport": rng.choice([694, 694, 694, 695]),
            "failback": rng.choice(["on", "off", "on"]),
            "first": names[0],
            "second": names[1],
            "gateway": f"{net}.1",
            "service": rng.choice(["httpd", "mysql", "postfix", "nfs-kernel-server"]),
            "key": "".join(rng.choice("0123456789abcdef") for _ in range(32)),
        }
        for i, local in enumerate(names):
            if written == folders:
                break
            folder = os.path.join(root, f"c{c:05d}", local)
            os.makedirs(folder)
            ips = [f"192.168.{c % 250}.{5 + j}" for j in range(2)]
            with open(os.path.join(folder, "ha.cf"), "w") as out:
                out.write(HA_CF.format(local=local, peer=names[1 - i], peer_ip=ips[1 - i],
                                       **values))
            with open(os.path.join(folder, "haresources"), "w") as out:
                out.write(HARESOURCES.format(**values))
            with open(os.path.join(folder, "authkeys"), "w") as out:
                out.write(AUTHKEYS.format(**values))
            os.chmod(os.path.join(folder, "authkeys"), 0o600)
            with open(os.path.join(folder, "nodeinfo"), "w") as out:
                out.write(local + "\n")
            written += 1


def run_timed(args, cwd):
    """Wall seconds and peak RSS (KiB) of one run, measured by /usr/bin/time -v."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", HACHECK] + args, cwd=cwd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"hacheck {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    return wall, rss


def time_seed_pair(runs):
    args = [HACHECK, "examples/seed/srv5", "examples/seed/srv6"]
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as export:
            subprocess.run(["hyperfine", "-N", "-i", "--warmup", "20", "--runs", str(runs),
                            "--export-json", export.name, " ".join(args)], cwd=ROOT,
                           check=True, stdout=subprocess.DEVNULL)
            import json
            result = json.load(open(export.name))["results"][0]
            return result["median"], "hyperfine"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times), "own loop (hyperfine not installed)"


def machine_info():
    compiler = subprocess.run(["g++", "--version"], capture_output=True,
                              text=True).stdout.splitlines()[0]
    load = os.getloadavg()[0]
    return f"{perf_report.machine_line()}, {compiler}, load average {load:.1f} at the start"


def write_section(text):
    perf_report.write_section(BEGIN, END, text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2500,5000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed-runs", type=int, default=200)
    parser.add_argument("--rng-seed", type=int, default=4)
    parser.add_argument("--build", action="store_true", help="rebuild the release preset")
    given = parser.parse_args()
    if not os.path.exists("/usr/bin/time"):
        sys.exit("/usr/bin/time is missing: apt-get install time")
    if given.build or not os.access(HACHECK, os.X_OK):
        subprocess.run(["cmake", "--preset", "release"], cwd=ROOT, check=True)
        subprocess.run(["cmake", "--build", "--preset", "release", "--target", "hacheck"],
                       cwd=ROOT, check=True)

    rows = []
    for size in [int(s) for s in given.sizes.split(",")]:
        with tempfile.TemporaryDirectory(prefix="hacheck-bench-") as scratch:
            generate(os.path.join(scratch, "fleet"), size, given.rng_seed)
            run_timed(["--recursive", "fleet"], scratch)  # warm the page cache
            walls, rsses = [], []
            for _ in range(given.runs):
                wall, rss = run_timed(["--recursive", "fleet"], scratch)
                walls.append(wall)
                rsses.append(rss)
            wall = statistics.median(walls)
            rows.append((size, wall, max(rsses), size / wall))
            print(f"{size} folders: {wall * 1000:.0f} ms, {max(rsses) / 1024:.1f} MiB, "
                  f"{size / wall:.0f} folders/s", file=sys.stderr)

    seed_wall, method = time_seed_pair(given.seed_runs)
    _, seed_rss = run_timed(["examples/seed/srv5", "examples/seed/srv6"], ROOT)
    print(f"seed pair: {seed_wall * 1000:.2f} ms", file=sys.stderr)

    lines = [
        "## hacheck",
        "",
        f"Measured {datetime.date.today().isoformat()} with `/usr/bin/python3 bench/bench.py` "
        f"on {machine_info()}. Release preset (`-O3`, no sanitizers).",
        "",
        "### Fleet mode: `hacheck --recursive` on generated node folders",
        "",
        "Two node folders per cluster folder, each with ha.cf (~0.9 KB, comments included), "
        "haresources, authkeys (0600) and nodeinfo; about one cluster in ten has a finding. "
        f"Median of {given.runs} runs after one warm-up run (files in the page cache); peak RSS "
        "from `/usr/bin/time -v` (the largest of the runs).",
        "",
        "| Folders | Wall | Peak RSS | Folders/s | Wall per 1,000 folders |",
        "|---:|---:|---:|---:|---:|",
    ]
    for size, wall, rss, rate in rows:
        lines.append(f"| {size:,} | {wall * 1000:.0f} ms | {rss / 1024:.1f} MiB | {rate:,.0f} | "
                     f"{wall * 1000 / size * 1000:.0f} ms |")
    lines += [
        "",
        "### One cluster: `hacheck examples/seed/srv5 examples/seed/srv6`",
        "",
        f"Median wall time per process over {given.seed_runs} runs ({method}): "
        f"**{seed_wall * 1000:.2f} ms**; peak RSS {seed_rss / 1024:.1f} MiB.",
        "",
        "Targets (issue 4): the seed pair well under 10 ms per process; 10,000 folders in at "
        "most 1 s on 2 cores, scaling linearly.",
    ]
    write_section("\n".join(lines))
    print(f"wrote {os.path.relpath(REPORT, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
