#!/usr/bin/env python3
"""Relevance of `devos search` with the configured embedder (BENCHMARKS.md, "Search relevance").

  bench/search_relevance.py <devos binary> [failures] [--queries N] [--pairs N] [--seed S]

Stores <failures> (default 10000) generated failures (bench/failure_corpus.py, about five per cause)
with `devos ingest junit` in /tmp/devos-bench-relevance/<model>/<failures>-<seed>-c2/telemetry.db unless
already there (one store per embedder model: vectors of one model are never compared with
another's), then, each query a new `devos search -k 10 --threshold -1 --format json` process:
  * the held-out queries (never stored): plain words naming the failing function ("frame"), the
    error retold in other words ("paraphrase"), the failed assertion's expression ("assertion"):
    recall@1 (the top hit has the query's cause), MRR, the scores of the first right and the best
    wrong hit, and how many top-1 right hits reach the model's default threshold;
  * queries naming functions no stored failure has ("unrelated"): the best score, and how many
    would print a hit at the default threshold;
  * <pairs> stored failures searched by id: the scores of same-cause and different-cause pairs
    among the top 10, as percentiles.
"""
import json
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))


def percentiles(values):
    if not values:
        return "-"
    values = sorted(values)
    pick = lambda p: values[min(len(values) - 1, int(p * len(values)))]
    return f"p5 {pick(0.05):.3f}  p50 {pick(0.5):.3f}  p95 {pick(0.95):.3f}  (n={len(values)})"


def search(devos, db, args, threshold=("--threshold", "-1")):
    out = subprocess.run([devos, "search", *args, "--db", db, "-k", "10", *threshold, "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def cause(hit):
    return int(hit["test"].split("_")[0][1:])


def store(devos, failures, seed):
    """The store of `failures` generated failures embedded with the binary's model, built once."""
    with tempfile.TemporaryDirectory() as empty:
        probe = search(devos, f"{empty}/probe.db", ["probe"], threshold=())
    # Corpus 2: every cause's messages print its fixture word (the "rare word" queries).
    work = f"/tmp/devos-bench-relevance/{probe['model']}/{failures}-{seed}-c2"
    db = f"{work}/telemetry.db"
    if not os.path.exists(f"{work}/stored"):
        subprocess.run(["rm", "-rf", work], check=True)
        os.makedirs(f"{work}/reports")
        subprocess.run([sys.executable, f"{here}/failure_corpus.py", "reports", f"{work}/reports", str(failures),
                        "--seed", str(seed)], check=True)
        for report in sorted(os.listdir(f"{work}/reports")):
            subprocess.run([devos, "ingest", "junit", f"{work}/reports/{report}", "--db", db], check=True,
                           cwd=work, stdout=subprocess.DEVNULL)
        subprocess.run(["rm", "-rf", f"{work}/reports"], check=True)
        open(f"{work}/stored", "w").close()
    return work, db, probe["model"], probe["threshold"]


def main(argv):
    devos = os.path.realpath(argv[1])
    failures = int(argv[2]) if len(argv) > 2 and not argv[2].startswith("--") else 10000
    opts = {"--queries": 300, "--pairs": 200, "--seed": 1}
    for i, a in enumerate(argv):
        if a in opts:
            opts[a] = int(argv[i + 1])
    work, db, model, threshold = store(devos, failures, opts["--seed"])
    queries = f"{work}/queries.jsonl"
    subprocess.run([sys.executable, f"{here}/failure_corpus.py", "queries", queries, str(failures), "--count",
                    str(opts["--queries"]), "--seed", str(opts["--seed"])], check=True)
    by_kind = {}
    for line in open(queries):
        q = json.loads(line)
        hits = search(devos, db, [q["text"]])["hits"]
        k = by_kind.setdefault(q["kind"], {"n": 0, "top1": 0, "rr": 0.0, "above": 0, "right": [], "wrong": []})
        k["n"] += 1
        if q["cause"] < 0:
            if hits:
                k["wrong"].append(hits[0]["score"])
                k["above"] += hits[0]["score"] >= threshold
            continue
        rank = next((i + 1 for i, h in enumerate(hits) if cause(h) == q["cause"]), None)
        right = next((h["score"] for h in hits if cause(h) == q["cause"]), None)
        wrong = next((h["score"] for h in hits if cause(h) != q["cause"]), None)
        k["top1"] += rank == 1
        k["above"] += rank == 1 and right >= threshold
        k["rr"] += 1.0 / rank if rank else 0.0
        if right is not None:
            k["right"].append(right)
        if wrong is not None:
            k["wrong"].append(wrong)
    print(f"{failures} stored failures (seed {opts['--seed']}), model {model}, default threshold {threshold:.2f}")
    for kind, k in by_kind.items():
        if kind == "unrelated":
            print(f"  {kind:>10}: {k['n']} queries  a hit >= {threshold:.2f}: {k['above'] / k['n']:.3f}")
            print(f"             best hit:        {percentiles(k['wrong'])}")
            continue
        print(f"  {kind:>10}: {k['n']} queries  recall@1 {k['top1'] / k['n']:.3f}  MRR {k['rr'] / k['n']:.3f}"
              f"  right top hit >= {threshold:.2f}: {k['above'] / k['n']:.3f}")
        print(f"             first right hit: {percentiles(k['right'])}")
        print(f"             best wrong hit:  {percentiles(k['wrong'])}")

    # Same-cause vs different-cause pairs, by failure id (the stored vector as the query).
    same, other = [], []
    step = max(1, failures // opts["--pairs"])
    ids = subprocess.run(["sqlite3", db, f"SELECT failure_id, test_name FROM test_failures WHERE rowid % {step} = 0"
                          f" LIMIT {opts['--pairs']}"], check=True, capture_output=True, text=True).stdout.split()
    for row in ids:
        failure_id, test = row.split("|")
        mine = int(test.split("_")[0][1:])
        for h in search(devos, db, ["--failure", failure_id])["hits"]:
            (same if cause(h) == mine else other).append(h["score"])
    print(f"  pairs by failure id: same cause      {percentiles(same)}")
    print(f"                       different cause {percentiles(other)} (top 10 only)")


if __name__ == "__main__":
    main(sys.argv)
