"""Summarizes the execution samples of a JFR recording (as JMH's -prof jfr writes them): the
methods that are on top of the stack most often (self time) and the methods that are anywhere on
the stack most often (inclusive time), in percent of all samples of the benchmark thread.

Usage: python3 jfr_top.py PROFILE.jfr [TOP] [INCLUDE_PREFIX ...]
  INCLUDE_PREFIX limits the inclusive list to methods whose class starts with one of them
  (default: dev.buildbridge. com.fasterxml. java. sun. org.kohsuke.).
"""

import collections
import json
import subprocess
import sys


def frames(event):
    for frame in event["values"]["stackTrace"]["frames"]:
        method = frame["method"]
        yield method["type"]["name"].replace("/", ".") + "." + method["name"]


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    prefixes = tuple(sys.argv[3:]) or (
        "dev.buildbridge.", "com.fasterxml.", "java.", "sun.", "org.kohsuke.", "javax.")
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    # keep the samples of JMH's worker threads only
    events = [e for e in events
              if "jmh-worker" in (e["values"]["sampledThread"].get("javaName") or "")]
    total = len(events)
    self_counts = collections.Counter()
    inclusive = collections.Counter()
    for event in events:
        stack = list(frames(event))
        if not stack:
            continue
        self_counts[stack[0]] += 1
        for method in set(stack):
            if method.startswith(prefixes) and "jmh_generated" not in method:
                inclusive[method] += 1
    print(f"{total} samples of the benchmark thread")
    print("\nself (top of stack):")
    for method, count in self_counts.most_common(top):
        print(f"  {100.0 * count / total:5.1f}%  {method}")
    print("\ninclusive (anywhere on the stack):")
    for method, count in inclusive.most_common(top):
        print(f"  {100.0 * count / total:5.1f}%  {method}")


if __name__ == "__main__":
    main()
