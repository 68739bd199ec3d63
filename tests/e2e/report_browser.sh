#!/usr/bin/env bash
# devos report in a real headless browser: the violations fixture's gate results plus a telemetry
# file (a recurring failure, a flaky test, markup in a failure message, two near-duplicate failures
# of different patterns: a similar-incident cluster), opened in Debian's chromium
# by tests/report/report_browser.mjs (playwright-core + axe-core). The screenshot stays in $WORK.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/report_lib.sh"
unset DEVOS_DATABASE_URL
clients="$SOURCE/tests/report"
[ -d "$clients/node_modules/playwright-core" ] && [ -d "$clients/node_modules/axe-core" ] ||
    fail "playwright-core and axe-core are not installed: run scripts/setup.sh (npm ci --prefix tests/report)"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || fail "no chromium: run scripts/setup.sh (Debian's chromium package)"
fixture_gate_results "$WORK/build" "$WORK/check.sarif"

junit() { # junit <file> <flaky passes?>
    local flaky='<failure message="timeout after 3 s &lt;img src=x onerror=alert(1)&gt;">slow.cpp:4</failure>'
    [ "$2" = pass ] && flaky=''
    cat >"$1" <<XML
<testsuites><testsuite name="OrderTest" tests="3" failures="2">
<testcase name="Flaky" classname="OrderTest" time="0.1">$flaky</testcase>
<testcase name="Totals" classname="OrderTest" time="0.1"><failure message="expected total 12.50 but got 13.00 &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;">order_test.cpp:17: Failure</failure></testcase>
<testcase name="Saves" classname="OrderTest" time="0.1"/>
<testcase name="SavesOrder" classname="OrderStore"><failure message="connection refused while saving the order to the orders database on db.internal">store.cpp:40</failure></testcase>
<testcase name="SavesInvoice" classname="InvoiceStore"><failure message="connection refused while saving the invoice to the orders database on db.internal">store.cpp:52</failure></testcase>
</testsuite></testsuites>
XML
}
junit "$WORK/run1.xml" fail
junit "$WORK/run2.xml" pass
expect_rc 0 "$DEVOS" ingest junit "$WORK/run1.xml" --db "$WORK/telemetry.db"
expect_rc 0 "$DEVOS" ingest junit "$WORK/run2.xml" --db "$WORK/telemetry.db"

cd "$WORK"
expect_rc 0 "$DEVOS" report -p build --db telemetry.db -o report.html
expect_output "report: report.html (2 gates, 56 findings: 55 new, 0 baselined, 1 allowed, telemetry)"
grep -q 'id="failures-total">7<' report.html || fail "the trends do not count the 7 stored failures"
grep -q '<td>OrderTest.Flaky</td><td class="num">1</td><td class="num">1</td>' report.html || fail "no flaky OrderTest.Flaky"
grep -q '<table id="clusters-table">' report.html || fail "no similar-incident cluster of the two near-duplicate failures"
node "$clients/report_browser.mjs" "$WORK/report.html" "$WORK/check.sarif" "$WORK/report.png"
echo "PASS"
