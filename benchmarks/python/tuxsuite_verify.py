"""Peer of the TuxSuite verification benchmark: the verification function of TuxSuite's callback
documentation (https://docs.tuxsuite.com/callbacks/), run with Python ``cryptography``.

``docs_verify`` makes the same calls in the same order as the documented function: URL-safe base64
decode of the header, ``load_ssh_public_key`` of the group's key line, then ECDSA/SHA-256 verify
over the UTF-8 payload. ``cached_key_verify`` is the stronger variant a careful user would write,
loading the key once. Both run on one thread, like the JMH side; throughput is reported per second of wall time and per CPU-second
of the process.

Usage: python3 tuxsuite_verify.py INPUTS_DIR > results.json
"""

import base64
import json
import os
import statistics
import sys
import time

import cryptography
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.backends.openssl import backend
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

WARMUP_S = float(os.environ.get("BENCH_WARMUP_MS", "3000")) / 1000
ROUND_S = float(os.environ.get("BENCH_ROUND_MS", "2000")) / 1000
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))


def docs_verify(public_key: str, signature: str, payload: str) -> bool:
    """TuxSuite's documented verification: decode, load the key, verify."""
    signature = base64.urlsafe_b64decode(signature)
    key = serialization.load_ssh_public_key(public_key.encode("ascii"))
    try:
        key.verify(signature, payload.encode("utf-8"), ec.ECDSA(hashes.SHA256()))
        return True
    except InvalidSignature:
        return False


def make_cached_key_verify(public_key: str):
    key = serialization.load_ssh_public_key(public_key.encode("ascii"))
    algorithm = ec.ECDSA(hashes.SHA256())

    def verify(signature: str, payload: bytes) -> bool:
        try:
            key.verify(base64.urlsafe_b64decode(signature), payload, algorithm)
            return True
        except InvalidSignature:
            return False

    return verify


def run_for(op, seconds):
    """Runs op for about `seconds`; returns (ops per wall second, ops per process CPU-second)."""
    ops = 0
    batch = 16
    cpu_start = time.process_time()
    start = time.perf_counter()
    now = start
    while now - start < seconds:
        for _ in range(batch):
            op()
        ops += batch
        now = time.perf_counter()
    cpu = time.process_time() - cpu_start
    return ops / (now - start), ops / cpu


def measure(name, op):
    run_for(op, WARMUP_S)
    rounds = [run_for(op, ROUND_S) for _ in range(ROUNDS)]
    wall = [r[0] for r in rounds]
    cpu = [r[1] for r in rounds]
    result = {"name": name, "opsPerSec": statistics.median(wall),
              "opsPerCpuSec": statistics.median(cpu), "min": min(wall), "max": max(wall),
              "rounds": [{"wall": w, "cpu": c} for w, c in rounds]}
    print(f"{name}: {result['opsPerSec']:.1f} verifications/s (min {min(wall):.1f}, "
          f"max {max(wall):.1f}), {result['opsPerCpuSec']:.1f} per CPU-second", file=sys.stderr)
    return result


def main():
    directory = sys.argv[1]
    with open(os.path.join(directory, "tux.pub"), encoding="ascii") as f:
        public_key = f.read().strip()
    with open(os.path.join(directory, "tux-build.sig"), encoding="ascii") as f:
        signature = f.read().strip()
    with open(os.path.join(directory, "tux-build.json"), "rb") as f:
        body = f.read()
    payload = body.decode("utf-8")

    if not docs_verify(public_key, signature, payload):
        raise SystemExit("the documented code does not verify the SDK's signature")
    if docs_verify(public_key, signature, payload + " "):
        raise SystemExit("the documented code verifies a changed payload")
    cached = make_cached_key_verify(public_key)
    if not cached(signature, body):
        raise SystemExit("the cached-key variant does not verify the SDK's signature")

    results = [
        measure("python-docs", lambda: docs_verify(public_key, signature, payload)),
        measure("python-cached-key", lambda: cached(signature, body)),
    ]
    print(json.dumps({
        "python": sys.version.split()[0],
        "cryptography": cryptography.__version__,
        "openssl": backend.openssl_version_text(),
        "results": results,
    }, indent=2))


if __name__ == "__main__":
    main()
