#!/usr/bin/env python3
"""Generated C++ test failures for the search benchmarks (BENCHMARKS.md, "Incident memory at scale").

  failure_corpus.py reports <out-dir> <failures> [--per-file N] [--seed S]
      JUnit reports (<out-dir>/run-00000.xml, ...) of <failures> failures drawn from about
      <failures>/5 causes, each cause seen about five times with fresh noise (addresses, line
      numbers, values, retries). A testcase is named C<cause>_<occurrence>, so a hit names its cause.
  failure_corpus.py queries <out-file> <failures> [--count N] [--seed S]
      Held-out queries (never stored) in JSON lines: {"cause", "kind", "text"}. Kind "frame" names the
      failing function in plain words ("segfault in OrderRepo::save"), "assertion" quotes the failed
      assertion's expression, "paraphrase" retells the error in other words with the function,
      "unrelated" (cause -1) names a function no stored failure has, for the threshold's other side,
      "rare word" names the cause's own fixture word among words every failure has ("the zobrak
      fixture failed"), as a person remembers one odd word of a message.

A cause is an error kind (ASan SEGV, heap-use-after-free, heap-buffer-overflow, UBSan overflow,
uncaught exception, gtest equality, timeout) in one function (namespace::Class::method, about 6000
possible) called from another; causes share classes, methods and error kinds on purpose, so words
alone do not give the answer away.
"""
import json
import random
import sys
from xml.sax.saxutils import escape

NAMESPACES = ["orders", "billing", "inventory", "auth", "shipping", "catalog", "payments", "search", "users",
              "reports"]
PREFIXES = ["Order", "Invoice", "Stock", "Token", "Session", "Cart", "Price", "Ship", "Label", "Catalog",
            "Payment", "Refund", "Report", "User", "Account", "Coupon", "Tax", "Warehouse", "Route", "Parcel"]
SUFFIXES = ["Repo", "Service", "Cache", "Builder", "Parser", "Writer", "Reader", "Validator", "Calculator",
            "Scheduler", "Store", "Client", "Mapper", "Queue", "Index"]
METHODS = ["save", "load", "apply", "commit", "flush", "parse", "validate", "compute", "render", "reserve",
           "release", "lookup", "insert", "remove", "merge", "encode", "decode", "refresh", "schedule", "cancel"]
KINDS = ["segv", "uaf", "overflow", "ubsan", "exception", "equality", "timeout"]
# How a person says each kind in a query.
SPOKEN = {
    "segv": ["segfault in {f}", "crash in {f}", "SEGV in {f}", "{f} segfaults"],
    "uaf": ["use after free in {f}", "{f} uses freed memory", "heap use after free {f}"],
    "overflow": ["buffer overflow in {f}", "{f} reads past the end of the buffer", "heap overflow {f}"],
    "ubsan": ["integer overflow in {f}", "{f} signed overflow", "undefined behaviour in {f}"],
    "exception": ["{f} throws out_of_range", "exception in {f}", "{f} threw std::out_of_range"],
    "equality": ["{f} returns the wrong value", "wrong result from {f}", "{f} assertion fails"],
    "timeout": ["{f} hangs", "timeout in {f}", "{f} times out waiting for a lock"],
}
PARAPHRASE = {
    "segv": "the process crashed with an invalid memory access while {f} was running",
    "uaf": "memory was read after it had been freed, inside {f}",
    "overflow": "a read went beyond the allocated buffer in {f}",
    "ubsan": "an int addition overflowed in {f}",
    "exception": "an out of range exception escaped from {f}",
    "equality": "the value computed by {f} did not match the expected one",
    "timeout": "the test got stuck in {f} and was killed after the time limit",
}


def cause_of(index, seed):
    """The cause `index`: its kind, failing frame, caller and the details its messages keep."""
    rng = random.Random(seed * 1000003 + index)
    ns = rng.choice(NAMESPACES)
    cls = rng.choice(PREFIXES) + rng.choice(SUFFIXES)
    caller_cls = rng.choice(PREFIXES) + rng.choice(SUFFIXES)
    return {
        "index": index, "seed": seed, "kind": rng.choice(KINDS), "ns": ns, "cls": cls, "method": rng.choice(METHODS),
        "caller_ns": rng.choice(NAMESPACES), "caller_cls": caller_cls, "caller_method": rng.choice(METHODS),
        "line": rng.randint(20, 400), "size": rng.choice([1, 2, 4, 8, 16]), "field": rng.choice(
            ["total", "count", "id", "weight", "amount", "quantity", "balance", "score"]),
        "want": rng.randint(1, 999), "test": rng.choice(["Saves", "Loads", "Applies", "Rejects", "Handles", "Keeps"])
        + rng.choice(["Empty", "Large", "Expired", "Duplicate", "Partial", "Unicode"]) + rng.choice(
            ["Order", "Input", "Batch", "Token", "Row", "Request"]),
    }


def rare_word(index, seed):
    """The cause's own plain word (a fixture name every occurrence of it prints): pseudo-English
    syllables from a stream of its own, so the other details of the cause stay as they were."""
    rng = random.Random(seed * 7919 + index * 31 + 99991)
    return "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)) + rng.choice("kmnrst")


def frame(c):
    return f"{c['cls']}::{c['method']}"


def failure_text(c, rng):
    """(message, stack trace) of one occurrence of cause `c`, with fresh noise."""
    addr = f"0x{rng.getrandbits(44):012x}"
    line = c["line"] + rng.randint(-3, 3)
    src = f"/home/ci/src/{c['ns']}/{c['cls'].lower()}.cpp"
    caller_src = f"/home/ci/src/{c['caller_ns']}/{c['caller_cls'].lower()}.cpp"
    trace = (f"#0 0x{rng.getrandbits(40):010x} in {c['ns']}::{frame(c)}() {src}:{line}\n"
             f"#1 0x{rng.getrandbits(40):010x} in {c['caller_ns']}::{c['caller_cls']}::{c['caller_method']}() "
             f"{caller_src}:{rng.randint(10, 500)}\n"
             f"#2 0x{rng.getrandbits(40):010x} in main /home/ci/src/main.cpp:{rng.randint(5, 40)}")
    kind = c["kind"]
    if kind == "segv":
        message = f"AddressSanitizer: SEGV on unknown address {addr} (pc 0x{rng.getrandbits(40):x} T0) in {frame(c)}"
    elif kind == "uaf":
        message = (f"AddressSanitizer: heap-use-after-free on address {addr} READ of size {c['size']} "
                   f"in {c['ns']}::{frame(c)}")
    elif kind == "overflow":
        message = (f"AddressSanitizer: heap-buffer-overflow on address {addr} READ of size {c['size']} "
                   f"in {c['ns']}::{frame(c)}")
    elif kind == "ubsan":
        message = (f"{src}:{line}:9: runtime error: signed integer overflow: {2147483600 + rng.randint(0, 47)} + "
                   f"{rng.randint(100, 999)} cannot be represented in type 'int'")
    elif kind == "exception":
        message = (f"C++ exception with description \"{c['cls']}::{c['method']}: key {rng.randint(1, 99999)} "
                   f"not found\" of type std::out_of_range thrown in the test body")
        trace = trace.split("\n", 1)[1] if rng.random() < 0.3 else trace
    elif kind == "equality":
        got = c["want"] + rng.randint(1, 50)
        message = (f"Expected equality of these values:\n  {c['cls'][0].lower() + c['cls'][1:]}.{c['method']}()."
                   f"{c['field']}\n    Which is: {got}\n  {c['want']}")
        trace = f"/home/ci/tests/{c['cls'].lower()}_test.cpp:{line}: Failure\n" + trace
    else:
        message = (f"Test timeout after {rng.choice([30, 60, 120])} s: {c['ns']}::{frame(c)} waiting for lock "
                   f"{addr} held by thread {rng.randint(2, 64)}")
    first, _, rest = message.partition("\n")
    message = f"{first} [fixture {rare_word(c['index'], c['seed'])}]" + (f"\n{rest}" if rest else "")
    return message, trace


def reports(out_dir, failures, per_file, seed):
    causes = max(1, failures // 5)
    rng = random.Random(seed)
    seen = [0] * causes
    n = 0
    file_index = 0
    while n < failures:
        count = min(per_file, failures - n)
        cases = []
        for _ in range(count):
            index = n % causes if n < causes else rng.randrange(causes)
            c = cause_of(index, seed)
            message, trace = failure_text(c, rng)
            name = f"C{index:07d}_{seen[index]}"
            seen[index] += 1
            cases.append(f'<testcase name="{name}" classname="{c["cls"]}Test.{c["test"]}" time="0.01">'
                         f'<failure message="{escape(message, {chr(34): "&quot;", chr(10): "&#10;"})}">'
                         f'{escape(trace)}</failure></testcase>')
            n += 1
        with open(f"{out_dir}/run-{file_index:05d}.xml", "w") as f:
            f.write(f'<testsuites><testsuite name="generated" tests="{count}" failures="{count}">')
            f.write("".join(cases))
            f.write("</testsuite></testsuites>\n")
        file_index += 1


def queries(out_file, failures, count, seed):
    causes = max(1, failures // 5)
    rng = random.Random(seed + 7)
    with open(out_file, "w") as out:
        for index in rng.sample(range(causes), min(count, causes)):
            c = cause_of(index, seed)
            f = frame(c) if rng.random() < 0.8 else f"{c['ns']}::{frame(c)}"
            spoken = rng.choice(SPOKEN[c["kind"]]).format(f=f)
            out.write(json.dumps({"cause": index, "kind": "frame", "text": spoken}) + "\n")
            out.write(json.dumps({"cause": index, "kind": "paraphrase",
                                  "text": PARAPHRASE[c["kind"]].format(f=frame(c))}) + "\n")
            out.write(json.dumps({"cause": index, "kind": "rare word",
                                  "text": f"the {rare_word(index, seed)} fixture failed"}) + "\n")
            if c["kind"] == "equality":
                expr = f"{c['cls'][0].lower() + c['cls'][1:]}.{c['method']}().{c['field']}"
                out.write(json.dumps({"cause": index, "kind": "assertion",
                                      "text": f"{expr} should be {c['want']}"}) + "\n")
        # Functions built from names the generator never uses, so no stored failure has them.
        for _ in range(max(1, count // 3)):
            f = (rng.choice(["Ledger", "Quota", "Badge", "Ticket", "Vendor", "Budget", "Asset", "Fleet"])
                 + rng.choice(["Registry", "Planner", "Tracker", "Loader", "Gateway"]) + "::"
                 + rng.choice(["sync", "dispatch", "resolve", "archive", "notify", "rotate"]))
            spoken = rng.choice(SPOKEN[rng.choice(KINDS)]).format(f=f)
            out.write(json.dumps({"cause": -1, "kind": "unrelated", "text": spoken}) + "\n")


def main(argv):
    if len(argv) < 4 or argv[1] not in ("reports", "queries"):
        sys.exit(__doc__)
    opts = {"--per-file": 10000, "--seed": 1, "--count": 500}
    rest = argv[4:]
    for i in range(0, len(rest) - 1, 2):
        opts[rest[i]] = int(rest[i + 1])
    if argv[1] == "reports":
        reports(argv[2], int(argv[3]), opts["--per-file"], opts["--seed"])
    else:
        queries(argv[2], int(argv[3]), opts["--count"], opts["--seed"])


if __name__ == "__main__":
    main(sys.argv)
