#!/usr/bin/env python3
"""The Grafana dashboards in dashboards/grafana, proven without Grafana (it is not in Debian).

check_dashboards.py --validate
    Every dashboard is classic-model JSON Grafana loads: a fixed uid, schemaVersion, unique panel
    ids, gridPos inside the 24-column grid, the devos-postgres datasource, raw SQL targets; the
    provisioning YAML names that datasource uid and a file provider.
check_dashboards.py --postgres URL --devos DEVOS
    Also: a fresh database on the test PostgreSQL, migrated by a real `devos ingest`, seeded with
    telemetry at known times; every panel's SQL expanded the way Grafana's PostgreSQL datasource
    expands it (sqleng.Interpolate, then macros.go) for 2020-01-01..2020-01-31 at a 1h interval, run
    as the devos_grafana role, must return the expected columns and rows; that role cannot INSERT,
    UPDATE or DELETE.
"""
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
GRAFANA = ROOT / "dashboards" / "grafana"
DATASOURCE = {"type": "grafana-postgresql-datasource", "uid": "devos-postgres"}
UIDS = {"devos-telemetry.json": "devos-telemetry", "devos-self-heal.json": "devos-self-heal"}
FAILURES = []


def check(ok, what):
    if not ok:
        FAILURES.append(what)


# --- Grafana's expansion (pkg/tsdb/sqleng Interpolate, then grafana-postgresql-datasource macros.go) ---

def format_interval(seconds):
    """gtime.FormatInterval: the largest whole unit."""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds * 1000}ms"


def parse_interval(text):
    """gtime.ParseInterval for the forms the dashboards use: <n>ms|s|m|h|d|w."""
    m = re.fullmatch(r"(\d+)(ms|s|m|h|d|w)", text)
    if not m:
        raise ValueError(f"error parsing interval {text}")
    n, unit = int(m.group(1)), m.group(2)
    return n * {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[unit]


def go_float(value):
    """Go's %v of a float64 seconds value (86400 -> 86400, 0.5 -> 0.5)."""
    return str(int(value)) if float(value).is_integer() else repr(value)


def rfc3339(t):
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def expand(sql, start, end, interval_seconds):
    epoch = lambda t: int(t.timestamp())
    sql = sql.replace("$__interval_ms", str(interval_seconds * 1000))
    sql = sql.replace("$__interval", format_interval(interval_seconds))
    sql = sql.replace("$__unixEpochFrom()", str(epoch(start))).replace("$__unixEpochTo()", str(epoch(end)))

    def macro(m):
        name, args = m.group(1), [a.strip(" ") for a in m.group(2).split(",")]
        if name == "__timeGroup" and sql[m.end():m.end() + 1] == ",":
            name = "__timeGroupAlias"  # pre-5.3 compatibility, as macros.go does
        if name == "__time":
            return f'{args[0]} AS "time"'
        if name == "__timeEpoch":
            return f'extract(epoch from {args[0]}) as "time"'
        if name == "__timeFilter":
            return f"{args[0]} BETWEEN '{rfc3339(start)}' AND '{rfc3339(end)}'"
        if name == "__timeFrom":
            return f"'{rfc3339(start)}'"
        if name == "__timeTo":
            return f"'{rfc3339(end)}'"
        if name in ("__timeGroup", "__timeGroupAlias"):
            s = go_float(parse_interval(args[1].strip("'")))
            out = f"floor(extract(epoch from {args[0]})/{s})*{s}"
            return out + ' AS "time"' if name == "__timeGroupAlias" else out
        if name == "__unixEpochFilter":
            return f"{args[0]} >= {epoch(start)} AND {args[0]} <= {epoch(end)}"
        if name in ("__unixEpochGroup", "__unixEpochGroupAlias"):
            s = go_float(parse_interval(args[1].strip("'")))
            out = f"floor(({args[0]})/{s})*{s}"
            return out + ' AS "time"' if name == "__unixEpochGroupAlias" else out
        raise ValueError(f'unknown macro "{name}"')

    return re.sub(r"\$([_a-zA-Z0-9]+)\(([^\)]*)\)", macro, sql)


# --- JSON and YAML validation ---

def validate():
    dashboards = {}
    for name, uid in UIDS.items():
        path = GRAFANA / name
        d = json.loads(path.read_text())
        dashboards[name] = d
        where = name
        check(d.get("uid") == uid, f"{where}: uid {d.get('uid')!r} is not the fixed {uid!r}")
        for key in ("title", "tags", "timezone", "time", "schemaVersion", "panels", "templating", "annotations"):
            check(key in d, f"{where}: no {key}")
        check(isinstance(d.get("schemaVersion"), int) and 36 <= d["schemaVersion"] <= 42,
              f"{where}: schemaVersion {d.get('schemaVersion')}")
        ids = [p.get("id") for p in d["panels"]]
        check(len(ids) == len(set(ids)) and all(isinstance(i, int) for i in ids), f"{where}: panel ids {ids}")
        cells = set()
        for p in d["panels"]:
            pw = f"{where} panel {p.get('id')} {p.get('title')!r}"
            g = p.get("gridPos", {})
            check(all(isinstance(g.get(k), int) for k in "hwxy") and g["x"] >= 0 and g["w"] > 0 and
                  g["x"] + g["w"] <= 24, f"{pw}: gridPos {g} outside the 24-column grid")
            for x in range(g.get("x", 0), g.get("x", 0) + g.get("w", 0)):
                for y in range(g.get("y", 0), g.get("y", 0) + g.get("h", 0)):
                    check((x, y) not in cells, f"{pw}: overlaps another panel at {x},{y}")
                    cells.add((x, y))
            check(p.get("datasource") == DATASOURCE, f"{pw}: datasource {p.get('datasource')}")
            check(p.get("type") in ("timeseries", "table", "stat", "barchart", "bargauge", "piechart"),
                  f"{pw}: type {p.get('type')}")
            for t in p.get("targets", []):
                check(t.get("refId") == "A" and t.get("rawQuery") is True and t.get("editorMode") == "code",
                      f"{pw}: target is not a raw SQL query")
                check(t.get("format") in ("table", "time_series"), f"{pw}: format {t.get('format')}")
                check(t.get("datasource") == DATASOURCE, f"{pw}: target datasource")
                check(re.match(r"\s*SELECT\b", t.get("rawSql", ""), re.I) is not None, f"{pw}: not a SELECT")
            check(len(p.get("targets", [])) == 1, f"{pw}: one target expected")
    ds = yaml.safe_load((GRAFANA / "provisioning/datasources/devos-postgres.yaml").read_text())
    check(ds.get("apiVersion") == 1, "datasource provisioning: apiVersion")
    sources = ds.get("datasources", [])
    check(len(sources) == 1 and sources[0].get("uid") == DATASOURCE["uid"] and sources[0].get("type") == "postgres",
          f"datasource provisioning: {sources}")
    check("password" in sources[0].get("secureJsonData", {}), "datasource provisioning: the password is not secure")
    providers = yaml.safe_load((GRAFANA / "provisioning/dashboards/devos.yaml").read_text()).get("providers", [])
    check(len(providers) == 1 and providers[0].get("type") == "file" and "path" in providers[0].get("options", {}),
          f"dashboard provisioning: {providers}")
    return dashboards


# --- Against PostgreSQL ---

def ms(text):
    return int(datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp() * 1000)


SEED = f"""
INSERT INTO test_runs (run_id, started_at, source, total, passed, failed) VALUES
  ('r1', {ms('2020-01-05T10:00:00')}, 'ci', 3, 1, 2), ('r2', {ms('2020-01-06T10:00:00')}, 'ci', 3, 2, 1),
  ('r3', {ms('2020-01-06T12:00:00')}, 'ci', 2, 1, 1), ('rold', {ms('2019-12-01T10:00:00')}, 'ci', 1, 0, 1);
INSERT INTO test_failures (failure_id, run_id, ts, suite, test_name, message, pattern_id) VALUES
  ('f1', 'r1', {ms('2020-01-05T10:00:01')}, 'OrderTest', 'Totals', 'expected 12.50', 'p-totals'),
  ('f2', 'r1', {ms('2020-01-05T10:00:02')}, 'OrderTest', 'Flaky', 'timeout', 'p-flaky'),
  ('f3', 'r2', {ms('2020-01-06T10:00:01')}, 'OrderTest', 'Totals', 'expected 12.50', 'p-totals'),
  ('f4', 'r3', {ms('2020-01-06T12:00:01')}, 'OrderTest', 'Totals', 'expected 12.50', 'p-totals'),
  ('fold', 'rold', {ms('2019-12-01T10:00:01')}, 'OrderTest', 'Totals', 'expected 12.50', 'p-totals');
INSERT INTO test_passes (run_id, suite, test_name) VALUES
  ('r1', 'OrderTest', 'Saves'), ('r2', 'OrderTest', 'Flaky'), ('r2', 'OrderTest', 'Saves'), ('r3', 'OrderTest', 'Flaky');
INSERT INTO lint_failures (failure_id, run_id, ts, tool, rule_id, level, file, line, message, pattern_id) VALUES
  ('l1', 'r1', {ms('2020-01-05T10:00:03')}, 'devos', 'layer.include', 'error', 'a.cpp', 1, 'm', 'pl1'),
  ('l2', 'r1', {ms('2020-01-05T10:00:03')}, 'devos', 'layer.include', 'error', 'b.cpp', 1, 'm', 'pl1'),
  ('l3', 'r1', {ms('2020-01-05T10:00:03')}, 'devos', 'purity.clock', 'error', 'c.cpp', 1, 'm', 'pl2'),
  ('lold', 'rold', {ms('2019-12-01T10:00:03')}, 'devos', 'purity.io', 'error', 'd.cpp', 1, 'm', 'pl3');
INSERT INTO selfheal_proposals (proposal_id, ts, pattern_id, trigger_id, status, risk_score, agent, branch, outcome)
VALUES
  ('a1', {ms('2020-01-05T11:00:00')}, 'p-totals', 'f1', 'proposed', 20, 'playbook', 'selfheal/a1', 'merged'),
  ('a2', {ms('2020-01-05T12:00:00')}, 'p-flaky', 'f2', 'flaky', 0, 'playbook', NULL, 'open'),
  ('a3', {ms('2020-01-06T11:00:00')}, 'p-totals', 'f3', 'validation_failed', 40, 'chat', NULL, 'open'),
  ('a4', {ms('2020-01-06T13:00:00')}, 'p-totals', 'f4', 'started', 0, 'playbook', NULL, 'open'),
  ('a5', {ms('2020-01-07T09:00:00')}, 'p-totals', 'f4', 'no_fix_found', 0, 'chat', NULL, 'open'),
  ('a6', {ms('2020-01-07T10:00:00')}, 'p-flaky', 'f2', 'proposed', 30, 'chat', 'selfheal/a6', 'rejected'),
  ('aold', {ms('2019-12-01T11:00:00')}, 'p-totals', 'fold', 'proposed', 10, 'playbook', 'selfheal/aold', 'merged');
INSERT INTO selfheal_fixes (fix_id, ts, source, pattern_id, failure_id, diff, proposal_id) VALUES
  ('x1', {ms('2020-01-05T15:00:01')}, 'proposal', 'p-totals', 'f1', 'diff', 'a1'),
  ('x2', {ms('2020-01-06T16:00:01')}, 'history', 'p-totals', 'f3', 'diff', NULL);
INSERT INTO audit_log (ts, action, table_name, row_count, subject) VALUES
  ({ms('2020-01-05T10:00:05')}, 'ingest_run', 'test_runs', 3, 'r1'),
  ({ms('2020-01-06T10:00:05')}, 'ingest_run', 'test_runs', 2, 'r2'),
  ({ms('2020-01-06T12:00:05')}, 'ingest_run', 'test_runs', 1, 'r3');
"""

DAY5, DAY6 = "1578182400", "1578268800"  # 2020-01-05 and 2020-01-06, 00:00 UTC, as epoch seconds
# Per panel title: the expected columns and rows (cells as psql --csv prints them; None: any value;
# a float: that number).
EXPECTED = {
    "Test failures over time": (["time", "failures"],
                                [["1578218400", "2"], ["1578304800", "1"], ["1578312000", "1"]]),
    "Failures in range": (["failures"], [["4"]]),
    "Test runs per day": (["time", "runs", "tests", "failed"], [[DAY5, "1", "3", "2"], [DAY6, "2", "5", "2"]]),
    "Ingest volume": (["time", "metric", "rows"], [[DAY5, "test_runs", "3"], [DAY6, "test_runs", "3"]]),
    "Top recurring failure patterns": (["pattern", "failures", "runs", "example_test", "last_seen"],
                                       [["p-totals", "3", "3", "OrderTest.Totals", "2020-01-06 12:00:01+00"]]),
    "Flaky tests": (["test", "runs_failed", "runs_passed"], [["OrderTest.Flaky", "1", "2"]]),
    "Lint findings per rule": (["rule", "findings"], [["layer.include", "2"], ["purity.clock", "1"]]),
    "Lint findings over time by rule": (["time", "metric", "findings"],
                                        [["1578218400", "layer.include", "2"], ["1578218400", "purity.clock", "1"]]),
    "Self-heal funnel": (["started", "proposed", "validated", "merged"], [["6", "3", "2", "1"]]),
    "Mean time to repair": (["mttr_hours"], [[5.5]]),  # (5 h + 6 h) / 2
    "Why attempts stopped": (["reason", "attempts"],
                             [["flaky", "1"], ["no_fix_found", "1"], ["validation_failed", "1"]]),
    "Attempts over time by status": (["time", "metric", "attempts"], [
        ["1578222000", "proposed", "1"], ["1578225600", "flaky", "1"], ["1578308400", "validation_failed", "1"],
        ["1578315600", "started", "1"], ["1578387600", "no_fix_found", "1"], ["1578391200", "proposed", "1"]]),
    "Recent attempts": (["started", "proposal_id", "status", "risk", "agent", "branch", "reason"], [
        [None, "a6", "proposed", "30", "chat", "selfheal/a6", ""], [None, "a5", "no_fix_found", "0", "chat", "", ""], [None, "a4", "started", "0", "playbook", "", ""],
        [None, "a3", "validation_failed", "40", "chat", "", ""], [None, "a2", "flaky", "0", "playbook", "", ""],
        [None, "a1", "proposed", "20", "playbook", "selfheal/a1", ""]]),
}


def cell_matches(want, got):
    if want is None:
        return True
    if isinstance(want, float):
        try:
            return abs(float(got) - want) < 1e-9
        except ValueError:
            return False
    return want == got


def psql(url, *commands, role=None):
    args = ["psql", "-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1", url]
    if role:
        args += ["-c", f"SET ROLE {role}"]
    for c in commands:
        args += ["-c", c]
    done = subprocess.run(args, capture_output=True, text=True, env={**os.environ, "PGOPTIONS": "-c TimeZone=UTC"})
    return done.returncode, done.stdout, done.stderr


def database_url(url, name):
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path="/" + name))


def against_postgres(dashboards, url, devos):
    rc, _, err = psql(url, "DROP DATABASE IF EXISTS devos_dashboards WITH (FORCE)", "CREATE DATABASE devos_dashboards")
    check(rc == 0, f"cannot create the test database: {err}")
    if rc:
        return
    db = database_url(url, "devos_dashboards")
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "run.xml"
        junit.write_text('<testsuites><testsuite name="Boot" tests="1" failures="0">'
                         '<testcase name="Migrates" classname="Boot" time="0.1"/></testsuite></testsuites>')
        done = subprocess.run([devos, "ingest", "junit", str(junit)], capture_output=True, text=True, cwd=tmp,
                              env={**os.environ, "DEVOS_DATABASE_URL": db})
        check(done.returncode == 0, f"devos ingest (the real migrations) failed: {done.stdout}{done.stderr}")
    rc, _, err = psql(db, SEED)
    check(rc == 0, f"seeding failed: {err}")
    start = datetime(2020, 1, 1, tzinfo=timezone.utc)
    end = datetime(2020, 1, 31, tzinfo=timezone.utc)
    seen = set()
    for name, d in dashboards.items():
        for p in d["panels"]:
            title = p["title"]
            seen.add(title)
            sql = expand(p["targets"][0]["rawSql"], start, end, 3600)
            check("$" not in sql.replace("$$", ""), f"{title}: unexpanded macro in {sql}")
            rc, out, err = psql(db, sql, role="devos_grafana")
            if rc:
                check(False, f"{name} {title!r}: the query failed as devos_grafana: {err.strip()}\n{sql}")
                continue
            rows = list(csv.reader(io.StringIO(out)))
            columns, rows = rows[0], rows[1:]
            want_columns, want_rows = EXPECTED.get(title, (None, None))
            check(want_columns is not None, f"{title}: no expectation in this test")
            if want_columns is None:
                continue
            check(columns == want_columns, f"{title}: columns {columns}, expected {want_columns}")
            if p["targets"][0]["format"] == "time_series":
                check(columns[0] == "time", f"{title}: a time series needs its time column first")
            match = len(rows) == len(want_rows) and all(
                len(r) == len(w) and all(cell_matches(x, y) for x, y in zip(w, r)) for r, w in zip(rows, want_rows))
            check(match, f"{title}: rows {rows}, expected {want_rows}")
    check(seen == set(EXPECTED), f"panels {sorted(seen)} differ from the expectations {sorted(EXPECTED)}")
    # The role reads and never writes.
    for table in ("test_runs", "test_failures", "lint_failures", "selfheal_proposals", "selfheal_fixes", "audit_log",
                  "embeddings", "schema_migrations"):
        rc, _, err = psql(db, f"SELECT count(*) FROM {table}", role="devos_grafana")
        check(rc == 0, f"devos_grafana cannot read {table}: {err.strip()}")
    for statement in ("INSERT INTO test_runs (run_id, started_at, source) VALUES ('evil', 0, 'ci')",
                      "UPDATE selfheal_proposals SET status = 'proposed'", "DELETE FROM test_failures",
                      "TRUNCATE audit_log", "CREATE TABLE grafana_owned (x int)"):
        rc, _, err = psql(db, statement, role="devos_grafana")
        check(rc != 0 and "permission denied" in err, f"devos_grafana could run: {statement} ({err.strip()})")
    rc, out, _ = psql(db, "SELECT count(*) FROM test_runs WHERE run_id = 'evil'")
    check(out.split() == ["count", "0"], "a write of the read-only role reached the table")
    psql(url, "DROP DATABASE IF EXISTS devos_dashboards WITH (FORCE)")


def main(argv):
    dashboards = validate()
    if "--postgres" in argv:
        url = argv[argv.index("--postgres") + 1]
        devos = argv[argv.index("--devos") + 1]
        against_postgres(dashboards, url, devos)
    elif "--validate" not in argv:
        print(__doc__)
        return 2
    if FAILURES:
        print("FAIL:\n" + "\n".join(FAILURES), file=sys.stderr)
        return 1
    print(f"PASS: {sum(len(d['panels']) for d in dashboards.values())} panels in {len(dashboards)} dashboards")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
