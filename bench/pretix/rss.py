"""Memory of a gunicorn tree (the master and its workers), read from /proc.
  python rss.py MASTER_PID              -> prints "rss_kb pss_kb nprocs" once
  python rss.py MASTER_PID watch FILE   -> samples every 0.2 s until FILE exists, then prints the
                                           peaks: "rss_kb pss_kb nprocs" (max over samples)
RSS is the sum of VmRSS (shared pages of the forked workers counted in each process); PSS, from
smaps_rollup, shares them out, so it is what the tree really adds to the machine."""
import os
import sys
import time


def tree(master):
    pids = [master]
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            if ppid == master:
                pids.append(int(d))
    return pids


def field(path, name):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(name + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def sample(master):
    pids = tree(master)
    rss = sum(field(f"/proc/{p}/status", "VmRSS") for p in pids)
    pss = sum(field(f"/proc/{p}/smaps_rollup", "Pss") for p in pids)
    return rss, pss, len(pids)


master = int(sys.argv[1])
if len(sys.argv) > 2 and sys.argv[2] == "watch":
    stop = sys.argv[3]
    peak = (0, 0, 0)
    while not os.path.exists(stop):
        s = sample(master)
        peak = tuple(max(a, b) for a, b in zip(peak, s))
        time.sleep(0.2)
    print(*peak)
else:
    print(*sample(master))
