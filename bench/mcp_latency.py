#!/usr/bin/env python3
"""Round-trip latency of `devos mcp` tools over stdio, cold (first call) and warm (median and p95 of
many calls on one server), as an agent sees it: JSON-RPC line out, response line in.

usage: bench/mcp_latency.py DEVOS REPO BUILD [--failures N ...] [--calls 200]
  DEVOS  the devos binary; REPO, BUILD the repo root and its build folder (compile_commands.json)
  --failures N  also time devos_search_incidents over a telemetry file holding N stored failures
                (generated once per N under /tmp/devos-mcp-bench, by `devos ingest junit`)
"""
import argparse, json, os, statistics, subprocess, sys, time

META = {"io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {}}


class Server:
    def __init__(self, devos, repo, build, db=None):
        args = [devos, "mcp", "--root", repo, "-p", build] + (["--db", db] if db else [])
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        self.next_id = 0

    def call(self, name, arguments):
        self.next_id += 1
        line = json.dumps({"jsonrpc": "2.0", "id": self.next_id, "method": "tools/call",
                           "params": {"name": name, "arguments": arguments, "_meta": META}})
        start = time.perf_counter()
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        reply = json.loads(self.proc.stdout.readline())
        ms = (time.perf_counter() - start) * 1000
        result = reply.get("result", {})
        if "error" in reply or result.get("isError"):
            sys.exit(f"{name} failed: {json.dumps(reply)[:400]}")
        return ms

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def measure(server, name, arguments, calls):
    cold = server.call(name, arguments)
    warm = sorted(server.call(name, arguments) for _ in range(calls))
    return cold, statistics.median(warm), warm[int(len(warm) * 0.95) - 1]


def telemetry_file(devos, failures):
    folder = f"/tmp/devos-mcp-bench/{failures}"
    db = f"{folder}/telemetry.db"
    if os.path.exists(db):
        return db
    os.makedirs(folder, exist_ok=True)
    words = ["order", "repo", "save", "price", "tax", "cart", "user", "session", "cache", "timeout", "socket", "parse"]
    per_file = 5000
    for chunk in range(0, failures, per_file):
        path = f"{folder}/run{chunk}.xml"
        with open(path, "w") as out:
            out.write('<testsuites><testsuite name="Bench" tests="%d" failures="%d">' % (per_file, per_file))
            for i in range(chunk, min(failures, chunk + per_file)):
                a, b, c = words[i % 12], words[(i // 12) % 12], words[(i // 144) % 12]
                out.write(f'<testcase name="T{i}" classname="Bench{i % 97}"><failure message="{a} {b} failed in {c}::'
                          f'{a}_{i % 1013} expected {i % 7} got {i % 11}">#0 in {c}::{b}() src/{a}.cpp:{i % 300}</failure></testcase>')
            out.write("</testsuite></testsuites>")
        subprocess.run([devos, "ingest", "junit", path, "--db", db], check=True, stdout=subprocess.DEVNULL, cwd=folder)
    return db


def main():
    p = argparse.ArgumentParser()
    p.add_argument("devos"); p.add_argument("repo"); p.add_argument("build")
    p.add_argument("--failures", type=int, nargs="*", default=[])
    p.add_argument("--calls", type=int, default=200)
    a = p.parse_args()
    rows = []
    server = Server(a.devos, a.repo, a.build)
    for name, args in [("devos_check_edge", {"from": "src/logic/pricing.cpp", "to": "adapters/pg_repo.hpp"}),
                       ("devos_explain_rule", {"rule": "purity.clock"}),
                       ("devos_list_rules", {}),
                       ("devos_layer_map", {}),
                       ("devos_check", {"paths": ["src/logic/clock_and_env.cpp"]})]:
        calls = a.calls if name != "devos_check" else max(5, a.calls // 20)
        rows.append((name, "", *measure(server, name, args, calls)))
    server.close()
    for n in a.failures:
        db = telemetry_file(a.devos, n)
        server = Server(a.devos, a.repo, a.build, db)
        rows.append(("devos_search_incidents", f"{n} failures",
                     *measure(server, "devos_search_incidents", {"text": "order repo failed in cache::order_17 expected 3 got 5", "k": 10}, 20)))
        server.close()
    print("| tool | corpus | cold (first call) | warm median | warm p95 |")
    print("|---|---|---|---|---|")
    for name, corpus, cold, median, p95 in rows:
        print(f"| `{name}` | {corpus} | {cold:.2f} ms | {median:.2f} ms | {p95:.2f} ms |")


if __name__ == "__main__":
    main()
