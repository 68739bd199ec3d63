#include "report/html_report.hpp"

#include "report/html_text.hpp"
#include "report/report_aggregate.hpp"
#include "report/svg_charts.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace devos::report {
namespace {

using nlohmann::json;

constexpr const char* kStyle = R"CSS(
:root{color-scheme:light}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#fff}
header,main,footer{padding:0 24px}
header{border-bottom:1px solid #d0d7de}
h1{font-size:22px;margin:16px 0 4px}
h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d8dee4;padding-bottom:4px}
h3{font-size:15px;margin:16px 0 6px}
.caption{color:#57606a;margin:0 0 12px}
.counters{display:flex;flex-wrap:wrap;gap:12px;margin:0;padding:0}
.counters div{border:1px solid #d0d7de;border-radius:6px;padding:8px 14px;min-width:90px}
.counters dt{color:#57606a;font-size:12px}
.counters dd{margin:0;font-size:22px;font-weight:600}
table{border-collapse:collapse;margin:6px 0}
th,td{border-bottom:1px solid #d8dee4;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600}
td.num,th.num{text-align:right}
.status-passed{color:#1a7f37}.status-failed{color:#a40e26;font-weight:600}
.status-advisory{color:#7d4e00}.status-skipped{color:#57606a}
.level-error{color:#a40e26}.level-warning{color:#7d4e00}
.scroll{overflow-x:auto}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:end;margin:8px 0}
.filters label{display:flex;flex-direction:column;font-size:12px;color:#57606a}
select,button{font:inherit}
th button{background:none;border:0;padding:0;font-weight:600;cursor:pointer;color:#0550ae}
td button{cursor:pointer}
.pager{display:flex;gap:12px;align-items:center;margin:8px 0}
.detail td{background:#f6f8fa}
.detail dl{margin:0}.detail dt{font-weight:600;margin-top:4px}.detail dd{margin:0 0 0 12px}
.steps li{margin:2px 0}
code,.path{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
.message{max-width:60ch;overflow-wrap:anywhere}
footer{color:#57606a;font-size:12px;border-top:1px solid #d0d7de;margin-top:32px;padding-bottom:16px}
)CSS";

// Sorting, filtering, paging and the detail rows. Findings are arrays (see findingsJson); only the
// current page is in the DOM.
constexpr const char* kScript = R"JS(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var F = data.findings, RULES = data.rules, PAGE = 200;
  var LEVEL = {error: 0, warning: 1, note: 2, none: 3}, STATE = {'new': 0, baselined: 1, allowed: 2};
  var st = {rule: '', file: '', state: '', key: '', dir: 1, page: 0};
  var view = [];
  var body = document.getElementById('findings-body');
  var shown = document.getElementById('findings-shown');
  var table = document.getElementById('findings-table');
  var prev = document.getElementById('page-prev'), next = document.getElementById('page-next');
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function order(i, j) {
    var a = F[i], b = F[j], c = 0;
    if (st.key === 'rule') c = cmp(a[0], b[0]);
    else if (st.key === 'file') c = cmp(a[2], b[2]) || a[3] - b[3];
    else if (st.key === 'level') c = LEVEL[a[1]] - LEVEL[b[1]];
    else if (st.key === 'state') c = STATE[a[5]] - STATE[b[5]];
    return c * st.dir || i - j;
  }
  function apply() {
    view = [];
    for (var i = 0; i < F.length; i++) {
      var f = F[i];
      if ((st.rule && f[0] !== st.rule) || (st.file && f[2] !== st.file) || (st.state && f[5] !== st.state)) continue;
      view.push(i);
    }
    if (st.key) view.sort(order);
    st.page = 0;
    render();
  }
  function cell(tr, text, cls) {
    var td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  }
  function where(file, line) { return line ? file + ':' + line : file; }
  function detail(i, id) {
    var f = F[i], rule = RULES[f[0]] || ['', '', '', ''];
    var tr = document.createElement('tr'), td = document.createElement('td');
    tr.className = 'detail'; tr.id = id; td.colSpan = 6;
    var dl = document.createElement('dl');
    [['Rule', f[0] + (rule[0] ? ': ' + rule[0] : '')], ['Why', rule[1]], ['Instead', rule[2]], ['Allowed', rule[3]],
     ['Gate', f[7]], ['Fingerprint', f[8]], ['Expires', f[6]]].forEach(function (p) {
      if (!p[1]) return;
      var dt = document.createElement('dt'), dd = document.createElement('dd');
      dt.textContent = p[0]; dd.textContent = p[1];
      dl.appendChild(dt); dl.appendChild(dd);
    });
    td.appendChild(dl);
    if (f[10].length) {
      var title = document.createElement('strong');
      title.textContent = f[9] === 'include' ? 'Include chain' : f[9] === 'call' ? 'Call chain' : 'Related locations';
      var ol = document.createElement('ol');
      ol.className = 'steps';
      f[10].forEach(function (s) {
        var li = document.createElement('li');
        var path = document.createElement('span');
        path.className = 'path'; path.textContent = where(s[0], s[1]);
        li.appendChild(path);
        li.appendChild(document.createTextNode(' ' + s[2]));
        ol.appendChild(li);
      });
      td.appendChild(title); td.appendChild(ol);
    }
    tr.appendChild(td);
    return tr;
  }
  function toggle(button, i, tr) {
    var id = 'detail-' + i, open = document.getElementById(id);
    if (open) { open.remove(); button.setAttribute('aria-expanded', 'false'); return; }
    tr.after(detail(i, id));
    button.setAttribute('aria-expanded', 'true');
  }
  function render() {
    var start = st.page * PAGE, end = Math.min(view.length, start + PAGE);
    var frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) {
      var i = view[k], f = F[i], tr = document.createElement('tr');
      tr.setAttribute('data-index', i);
      cell(tr, f[0], 'rule');
      cell(tr, f[1], 'level level-' + f[1]);
      cell(tr, f[5] + (f[6] ? ' until ' + f[6] : ''), 'state');
      cell(tr, where(f[2], f[3]), 'path file');
      cell(tr, f[4], 'message');
      var td = cell(tr, '', ''), b = document.createElement('button');
      b.type = 'button'; b.className = 'details';
      b.textContent = f[10].length ? 'Details (' + f[10].length + ' steps)' : 'Details';
      b.setAttribute('aria-expanded', 'false');
      b.setAttribute('aria-controls', 'detail-' + i);
      b.addEventListener('click', toggle.bind(null, b, i, tr));
      td.appendChild(b);
      frag.appendChild(tr);
    }
    body.replaceChildren(frag);
    table.setAttribute('data-matching', String(view.length));
    shown.textContent = view.length ? 'Showing ' + (start + 1) + '\u2013' + end + ' of ' + view.length + ' findings'
                                    : 'No findings match';
    prev.disabled = st.page === 0;
    next.disabled = end >= view.length;
  }
  function bindFilter(id, key) {
    document.getElementById(id).addEventListener('change', function (e) { st[key] = e.target.value; apply(); });
  }
  bindFilter('filter-rule', 'rule');
  bindFilter('filter-file', 'file');
  bindFilter('filter-state', 'state');
  Array.prototype.forEach.call(document.querySelectorAll('th button[data-sort]'), function (b) {
    b.addEventListener('click', function () {
      var key = b.getAttribute('data-sort');
      st.dir = st.key === key ? -st.dir : 1;
      st.key = key;
      Array.prototype.forEach.call(document.querySelectorAll('#findings-table th'), function (th) { th.removeAttribute('aria-sort'); });
      b.parentNode.setAttribute('aria-sort', st.dir > 0 ? 'ascending' : 'descending');
      view.sort(order);
      st.page = 0;
      render();
    });
  });
  prev.addEventListener('click', function () { if (st.page > 0) { st.page--; render(); } });
  next.addEventListener('click', function () { if ((st.page + 1) * PAGE < view.length) { st.page++; render(); } });
  apply();
}());
)JS";

std::string statusClass(const std::string& status) {
    return "status-" + (status == "passed" || status == "failed" || status == "advisory"
                            ? status
                            : std::string("skipped"));
}

// [rule, level, file, line, message, state, expires, gate, fingerprint, chainKind, [[file, line,
// message]...]]
json findingsJson(const std::vector<FindingEntry>& findings) {
    json out = json::array();
    for (const auto& f : findings) {
        json steps = json::array();
        for (const auto& s : f.steps)
            steps.push_back(json::array({s.file, s.line, s.message}));
        out.push_back(json::array({f.rule, f.level, f.file, f.line, f.message, stateName(f.state), f.expires,
                                   f.gate, f.fingerprint, f.chainKind, std::move(steps)}));
    }
    return out;
}

std::string counter(const std::string& id, const std::string& label, long value) {
    return "<div><dt>" + label + "</dt><dd id=\"" + id + "\">" + std::to_string(value) + "</dd></div>";
}

std::string options(const std::string& all, const std::vector<std::pair<std::string, long>>& counts) {
    std::vector<std::pair<std::string, long>> sorted(counts);
    std::sort(sorted.begin(), sorted.end());
    std::string out = "<option value=\"\">" + all + "</option>";
    for (const auto& [name, n] : sorted)
        out += "<option value=\"" + escapeHtml(name) + "\">" + escapeHtml(name.empty() ? "(no file)" : name) +
               " (" + std::to_string(n) + ")</option>";
    return out;
}

std::string gatesSection(const std::vector<GateEntry>& gates) {
    std::string out = "<section aria-labelledby=\"gates-h\"><h2 id=\"gates-h\">Gates</h2>";
    if (gates.empty())
        return out +
               "<p>No gate results were read (build check-fast or check-full to record them).</p></section>";
    out +=
        "<table id=\"gates-table\"><caption class=\"caption\">Each gate of the last check-fast / check-full "
        "run</caption><thead><tr><th scope=\"col\">Gate</th><th scope=\"col\">Status</th><th scope=\"col\" "
        "class=\"num\">Findings</th><th scope=\"col\" class=\"num\">Time</th><th "
        "scope=\"col\">Note</th></tr></thead><tbody>";
    for (const auto& g : gates)
        out += "<tr><td>" + escapeHtml(g.name) + "</td><td class=\"" + statusClass(g.status) + "\">" +
               escapeHtml(g.status) + "</td><td class=\"num\">" + std::to_string(g.findings) +
               "</td><td class=\"num\">" + fixedNumber(g.seconds, 2) + " s</td><td>" + escapeHtml(g.note) +
               "</td></tr>";
    return out + "</tbody></table><div class=\"scroll\">" + gateBarsSvg(gates) + "</div></section>";
}

std::string layersSection(const ReportData& d) {
    std::string out = "<section aria-labelledby=\"layers-h\"><h2 id=\"layers-h\">Layer graph</h2>";
    if (d.layers.empty())
        return out + "<p>No layer policy was read.</p></section>";
    out += "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Layer graph picture\">" +
           layerGraphSvg(d.layers, d.edges) + "</div>";
    out +=
        "<table id=\"edges-table\"><caption class=\"caption\">Edges between layers: allowed by the policy, "
        "and "
        "those new findings take</caption><thead><tr><th scope=\"col\">From</th><th scope=\"col\">To</th><th "
        "scope=\"col\">Allowed</th><th scope=\"col\" class=\"num\">Violating "
        "includes</th></tr></thead><tbody>";
    for (const auto& e : d.edges)
        out += "<tr><td>" + escapeHtml(e.from) + "</td><td>" + escapeHtml(e.to) + "</td><td>" +
               (e.allowed ? "yes" : "no") + "</td><td class=\"num\">" + std::to_string(e.violations) +
               "</td></tr>";
    return out + "</tbody></table></section>";
}

std::string findingsSection(const ReportData& d, const FindingCounts& c) {
    std::string out = "<section aria-labelledby=\"findings-h\"><h2 id=\"findings-h\">Findings</h2>";
    out += "<table id=\"rules-table\"><caption class=\"caption\">Findings by rule</caption><thead><tr><th "
           "scope=\"col\">Rule</th><th scope=\"col\" class=\"num\">Findings</th></tr></thead><tbody>";
    for (const auto& [rule, n] : c.byRule)
        out += "<tr><td>" + escapeHtml(rule) + "</td><td class=\"num\" data-rule=\"" + escapeHtml(rule) +
               "\">" + std::to_string(n) + "</td></tr>";
    out += "</tbody></table>";
    out +=
        "<div class=\"filters\"><label for=\"filter-rule\">Rule<select id=\"filter-rule\">" +
        options("all rules", c.byRule) +
        "</select></label><label for=\"filter-file\">File<select id=\"filter-file\">" +
        options("all files", c.byFile) +
        "</select></label><label for=\"filter-state\">State<select "
        "id=\"filter-state\"><option value=\"\">all states</option><option value=\"new\">new</option><option "
        "value=\"baselined\">baselined</option><option "
        "value=\"allowed\">allowed</option></select></label></div>";
    out += "<div class=\"pager\"><button type=\"button\" id=\"page-prev\">Previous page</button><span "
           "id=\"findings-shown\" "
           "aria-live=\"polite\"></span><button type=\"button\" id=\"page-next\">Next page</button></div>";
    out += "<div class=\"scroll\"><table id=\"findings-table\" data-total=\"" + std::to_string(c.total) +
           "\"><caption class=\"caption\">Every finding: new, baselined and allowed</caption><thead><tr>"
           "<th scope=\"col\"><button type=\"button\" data-sort=\"rule\">Rule</button></th>"
           "<th scope=\"col\"><button type=\"button\" data-sort=\"level\">Level</button></th>"
           "<th scope=\"col\"><button type=\"button\" data-sort=\"state\">State</button></th>"
           "<th scope=\"col\"><button type=\"button\" data-sort=\"file\">File</button></th>"
           "<th scope=\"col\">Message</th><th scope=\"col\">Details</th></tr></thead><tbody "
           "id=\"findings-body\">"
           "</tbody></table></div><noscript><p>Sorting, filtering and the findings list need JavaScript; "
           "`devos report --format md` gives the same report as text.</p></noscript></section>";
    return out;
}

std::string telemetrySection(const TelemetrySummary& t) {
    std::string out = "<section aria-labelledby=\"telemetry-h\"><h2 id=\"telemetry-h\">Trends</h2>";
    if (!t.present)
        return out +
               "<p>No telemetry store was read: ingest test results with <code>devos ingest "
               "junit</code>, then "
               "pass <code>--db</code> or set <code>DEVOS_DATABASE_URL</code>.</p>" +
               (t.clustersNote.empty() ? "" : "<p>" + escapeHtml(t.clustersNote) + ".</p>") + "</section>";
    out += "<p class=\"caption\">From " + escapeHtml(t.source) + "</p>";
    out += "<h3>Test failures per day</h3>";
    if (t.failuresPerDay.empty())
        out += "<p>No test failures stored.</p>";
    else {
        long total = 0;
        for (const auto& d : t.failuresPerDay)
            total += d.failures;
        out += "<p><span id=\"failures-total\">" + std::to_string(total) + "</span> failures from " +
               escapeHtml(t.failuresPerDay.front().day) + " to " + escapeHtml(t.failuresPerDay.back().day) +
               "</p>" + sparklineSvg(t.failuresPerDay);
    }
    out += "<h3>Top recurring patterns</h3>";
    if (t.topPatterns.empty())
        out += "<p>No failure pattern was seen twice.</p>";
    else {
        out += "<table id=\"patterns-table\"><thead><tr><th scope=\"col\">Pattern</th><th scope=\"col\" "
               "class=\"num\">Failures</th><th scope=\"col\">Newest</th></tr></thead><tbody>";
        for (const auto& p : t.topPatterns)
            out += "<tr><td><code>" + escapeHtml(p.patternId.substr(0, 12)) +
                   "</code></td><td class=\"num\">" + std::to_string(p.occurrences) +
                   "</td><td class=\"message\">" + escapeHtml(p.example) + "</td></tr>";
        out += "</tbody></table>";
    }
    out += "<h3>Flaky tests</h3>";
    if (t.flakyTests.empty())
        out += "<p>No test both failed and passed.</p>";
    else {
        out += "<table id=\"flaky-table\"><thead><tr><th scope=\"col\">Test</th><th scope=\"col\" "
               "class=\"num\">Runs "
               "failed</th><th scope=\"col\" class=\"num\">Runs passed</th></tr></thead><tbody>";
        for (const auto& f : t.flakyTests)
            out += "<tr><td>" + escapeHtml(f.test) + "</td><td class=\"num\">" + std::to_string(f.failed) +
                   "</td><td class=\"num\">" + std::to_string(f.passed) + "</td></tr>";
        out += "</tbody></table>";
    }
    out += "<h3>Similar-incident clusters</h3>";
    if (t.clusters.empty())
        out += "<p>" +
               (t.clustersNote.empty() ? std::string("No failures of different patterns are alike.")
                                       : escapeHtml(t.clustersNote) + ".") +
               "</p>";
    else {
        out += "<table id=\"clusters-table\"><thead><tr><th scope=\"col\" class=\"num\">Failures</th><th "
               "scope=\"col\">Patterns</th><th scope=\"col\">First seen</th><th scope=\"col\">Last "
               "seen</th><th scope=\"col\">Example</th></tr></thead><tbody>";
        for (const auto& c : t.clusters) {
            out += "<tr><td class=\"num\">" + std::to_string(c.failures) + "</td><td>";
            for (std::size_t i = 0; i < c.patternIds.size(); ++i)
                out += (i ? " " : "") + std::string("<code>") + escapeHtml(c.patternIds[i].substr(0, 12)) +
                       "</code>";
            out += "</td><td>" + escapeHtml(c.firstSeen) + "</td><td>" + escapeHtml(c.lastSeen) +
                   "</td><td class=\"message\">" + escapeHtml(c.example) + "</td></tr>";
        }
        out += "</tbody></table>";
    }
    out += "<h3>Self-heal proposals</h3>";
    if (t.proposals.empty())
        out += "<p>No self-heal attempt stored.</p>";
    else {
        out += "<table id=\"proposals-table\"><thead><tr><th scope=\"col\">Attempt</th><th "
               "scope=\"col\">Status</th><th "
               "scope=\"col\">Outcome</th><th scope=\"col\" class=\"num\">Risk</th><th "
               "scope=\"col\">Pattern</th><th "
               "scope=\"col\">Branch</th><th "
               "scope=\"col\">Description</th></tr></thead><tbody>";
        for (const auto& p : t.proposals)
            out += "<tr><td><code>" + escapeHtml(p.id) + "</code></td><td>" + escapeHtml(p.status) +
                   "</td><td>" + escapeHtml(p.outcome) + "</td><td class=\"num\">" + std::to_string(p.risk) +
                   "</td><td><code>" + escapeHtml(p.patternId.substr(0, 12)) + "</code></td><td>" +
                   escapeHtml(p.branch) + "</td><td class=\"message\">" + escapeHtml(p.description) +
                   "</td></tr>";
        out += "</tbody></table>";
    }
    return out + "</section>";
}

} // namespace

std::string renderHtml(const ReportData& d) {
    const FindingCounts c = countFindings(d.findings);
    json rules = json::object();
    for (const auto& r : d.rules)
        rules[r.id] = json::array({r.summary, r.why, r.instead, r.allowed});
    const json payload = {{"findings", findingsJson(d.findings)}, {"rules", rules}};
    long failedGates = 0;
    for (const auto& g : d.gates)
        failedGates += g.status == "failed";
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
        "content=\"width=device-width, initial-scale=1\"><title>" +
        escapeHtml(d.title) + "</title><style>" + kStyle + "</style></head><body>\n<header><h1>" +
        escapeHtml(d.title) + "</h1><p class=\"caption\">" + escapeHtml(d.generatedFor) +
        "</p></header>\n<main>";
    out += "<section aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">Summary</h2><dl class=\"counters\">" +
           counter("count-gates", "gates", static_cast<long>(d.gates.size())) +
           counter("count-gates-failed", "gates failed", failedGates) +
           counter("count-total", "findings", c.total) + counter("count-new", "new", c.fresh) +
           counter("count-errors", "new errors", c.errors) +
           counter("count-warnings", "new warnings", c.warnings) +
           counter("count-baselined", "baselined", c.baselined) +
           counter("count-allowed", "allowed", c.allowed) + "</dl></section>\n";
    out += gatesSection(d.gates) + "\n" + layersSection(d) + "\n" + findingsSection(d, c) + "\n" +
           telemetrySection(d.telemetry) + "\n</main>\n<footer><p>Read from: ";
    for (std::size_t i = 0; i < d.inputs.size(); ++i)
        out += (i ? ", " : "") + std::string("<span class=\"path\">") + escapeHtml(d.inputs[i]) + "</span>";
    out += "</p></footer>\n<script type=\"application/json\" id=\"report-data\">" + jsonForScript(payload) +
           "</script>\n<script>" + kScript + "</script>\n</body></html>\n";
    return out;
}

} // namespace devos::report
