#!/usr/bin/env bash
# devos heal and devos heal report as OpenTelemetry (issue 13 part 5), against a stand-in OTLP/HTTP
# collector: one trace per heal attempt (a selfheal.attempt root span, one child span per loop step,
# the attempt and failure ids as attributes) on /v1/traces, and the report's numbers on /v1/metrics,
# equal to the metrics_samples rows of the SQLite store. A collector that refuses is named, and the
# rows are kept.
source "$(dirname "$0")/heal_small_repo.sh"
make_small_repo

python3 "$SOURCE/tests/e2e/otlp_standin.py" "$WORK/otlp.jsonl" "$WORK/port" "$WORK/status" &
collector=$!
trap 'kill $collector 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
export DEVOS_OTLP_ENDPOINT=http://127.0.0.1:$(cat "$WORK/port") OTEL_SERVICE_NAME=orders-ci

# 1. A heal: one trace with a root span and one child per step, on /v1/traces.
"$DEVOS" heal --failure "$FAILURE" --format json >"$WORK/heal.json" 2>"$WORK/heal.err" \
    || { cat "$WORK/heal.err" >&2; fail "devos heal failed"; }
[ "$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['status'])" "$WORK/heal.json")" = proposed ] \
    || fail "not proposed: $(cat "$WORK/heal.json")"
ATTEMPT=$(sql "select proposal_id from selfheal_proposals")
python3 - "$WORK/otlp.jsonl" "$WORK/heal.json" "$ATTEMPT" "$FAILURE" <<'PY' || fail "the trace is wrong"
import json, sys
log, heal, attempt, failure = sys.argv[1:5]
requests = [json.loads(l) for l in open(log)]
traces = [r for r in requests if r["path"] == "/v1/traces"]
assert len(traces) == 1, f"{len(traces)} trace requests: {[r['path'] for r in requests]}"
resource = traces[0]["body"]["resourceSpans"][0]
service = {a["key"]: a["value"]["stringValue"] for a in resource["resource"]["attributes"]}["service.name"]
assert service == "orders-ci", service
spans = resource["scopeSpans"][0]["spans"]
attrs = lambda s: {a["key"]: a["value"]["stringValue"] for a in s["attributes"]}
roots = [s for s in spans if "parentSpanId" not in s]
assert len(roots) == 1 and roots[0]["name"] == "selfheal.attempt", [s["name"] for s in roots]
root = roots[0]
assert attrs(root)["devos.attempt_id"] == attempt and attrs(root)["devos.failure_id"] == failure, attrs(root)
assert attrs(root)["devos.status"] == "proposed" and root["status"]["code"] == 1, root
steps = [s["name"] for s in spans if s is not root]
want = ["selfheal." + s["name"] for s in json.load(open(heal))["steps"]]
assert steps == want, (steps, want)
assert {"selfheal.retrieve", "selfheal.propose", "selfheal.validate", "selfheal.prove", "selfheal.branch"} <= set(steps), steps
start, end = int(root["startTimeUnixNano"]), int(root["endTimeUnixNano"])
assert end > start, "the attempt took no time"
for s in spans:
    assert s["traceId"] == root["traceId"] and len(s["traceId"]) == 32
    if s is root:
        continue
    assert s["parentSpanId"] == root["spanId"], s
    s0, s1 = int(s["startTimeUnixNano"]), int(s["endTimeUnixNano"])
    assert s1 > s0, f'{s["name"]} took no time'
    assert start <= s0 and s1 <= end, s["name"]
    assert attrs(s)["devos.attempt_id"] == attempt and attrs(s)["devos.failure_id"] == failure
print(f"trace: {len(spans)} spans, attempt {(end - start) / 1e6:.1f} ms")
PY

# 2. devos heal report: the numbers on /v1/metrics equal the metrics_samples rows.
"$DEVOS" heal report --since 1d --format json >"$WORK/report.json" 2>"$WORK/report.err" \
    || { cat "$WORK/report.err" >&2; fail "devos heal report failed"; }
[ ! -s "$WORK/report.err" ] || fail "report warned: $(cat "$WORK/report.err")"
sql "select name, value from metrics_samples where name like 'selfheal.report.%' and name not like '%stopped' and name not like '%mttr%' and name not like '%step_median%'" >"$WORK/rows.txt"
python3 - "$WORK/otlp.jsonl" "$WORK/rows.txt" <<'PY' || fail "the metrics differ from the rows"
import json, sys
requests = [json.loads(l) for l in open(sys.argv[1])]
metrics = [r for r in requests if r["path"] == "/v1/metrics"]
assert len(metrics) == 1, f"{len(metrics)} metric requests"
sent = {m["name"]: m["gauge"]["dataPoints"] for m in metrics[0]["body"]["resourceMetrics"][0]["scopeMetrics"][0]["metrics"]}
rows = dict(l.split("|") for l in open(sys.argv[2]).read().split("\n") if l)
assert rows, "no selfheal.report rows"
for name, value in rows.items():
    assert name in sent, f"{name} was not sent"
    assert [p["asDouble"] for p in sent[name]] == [float(value)], (name, sent[name], value)
assert sent["selfheal.report.proposed"][0]["asDouble"] == 1.0
assert "selfheal.report.step_median_millis" in sent
PY

# 3. A collector that refuses: the report is printed, the rows are written, the failure is named.
rows_before=$(sql "select count(*) from metrics_samples where name = 'selfheal.report.proposed'")
echo 503 >"$WORK/status"
"$DEVOS" heal report --since 1d >"$WORK/report.txt" 2>"$WORK/report.err" || fail "the report failed with the collector down"
grep -q "proposed 1" "$WORK/report.txt" || fail "report text: $(cat "$WORK/report.txt")"
grep -q "the numbers were not exported: .*/v1/metrics answered HTTP 503" "$WORK/report.err" || fail "no export failure named: $(cat "$WORK/report.err")"
[ "$(sql "select count(*) from metrics_samples where name = 'selfheal.report.proposed'")" = $((rows_before + 1)) ] || fail "the rows were not written"
echo PASS
