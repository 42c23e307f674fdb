#!/usr/bin/env python3
"""Times commands side by side: each round runs every command once, in turn, so that the load of
a shared machine falls on all of them alike; prints the median wall and CPU (user + system)
seconds of each, and each one's speed against the first (its time over theirs).

  versus.py ROUNDS 'LABEL=COMMAND' 'LABEL=COMMAND'...

Commands run through the shell, output discarded; a command that fails (an exit status other
than 0, or 1: what `unspin --check` says when it finds repairs) stops the run.
"""
import os
import resource
import statistics
import subprocess
import sys
import time


def once(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    if done.returncode not in (0, 1):
        sys.exit(f"{command}: exit status {done.returncode}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    rounds = int(sys.argv[1])
    commands = [arg.split("=", 1) for arg in sys.argv[2:]]
    times = {label: [] for label, _ in commands}
    for _ in range(rounds):
        for label, command in commands:
            times[label].append(once(command))
    first = None
    for label, _ in commands:
        wall = statistics.median(t[0] for t in times[label])
        cpu = statistics.median(t[1] for t in times[label])
        first = first or (wall, cpu)
        print(f"  {label:<34} wall {wall:7.3f} s  cpu {cpu:7.3f} s  "
              f"speed vs {commands[0][0]}: wall {first[0] / wall:5.2f}x  cpu {first[1] / cpu:5.2f}x")


if __name__ == "__main__":
    main()
