// Plain JSON-RPC over stdio against the real `devos mcp` binary, for what an SDK client never sends:
// malformed lines, unknown methods, wrong versions, huge arguments, a cancelled request; and the
// transport rules (only protocol lines on stdout, exit at end of input). Also measures the default
// tools/list size. Env: DEVOS, REPO, BUILD, DB.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { DEVOS, REPO, BUILD, DB } = process.env;
const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} };

// Sends `lines` (strings, or objects to JSON-encode) in one write, closes stdin, and returns every
// stdout message by id, the notifications, the exit code and the time from end of input to exit.
function session(lines) {
    return new Promise((resolve, reject) => {
        const child = spawn(DEVOS, ['mcp', '--root', REPO, '-p', BUILD, '--db', DB], { stdio: ['pipe', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => { out += d; });
        child.stderr.on('data', (d) => { err += d; });
        child.on('error', reject);
        const closedAt = Date.now();
        child.on('close', (code) => {
            const messages = out.split('\n').filter((l) => l.length > 0).map((l) => {
                try { return JSON.parse(l); } catch { throw new Error(`stdout carries a non-JSON line: ${l.slice(0, 200)}`); }
            });
            for (const m of messages) assert.equal(m.jsonrpc, '2.0', `not JSON-RPC: ${JSON.stringify(m).slice(0, 200)}`);
            const byId = new Map(messages.filter((m) => 'id' in m && m.id !== null).map((m) => [JSON.stringify(m.id), m]));
            const unidentified = messages.filter((m) => m.id === null);
            resolve({ byId, unidentified, notes: messages.filter((m) => !('id' in m)), code, err, exitMs: Date.now() - closedAt, count: messages.length });
        });
        child.stdin.end(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l)) + '\n').join(''));
    });
}
const req = (id, method, params = {}) => ({ jsonrpc: '2.0', id, method, params });
const modern = (id, method, params = {}) => req(id, method, { ...params, _meta: meta });

// Malformed input, unknown methods and versions: clear errors, and the server keeps serving.
{
    const s = await session([
        '{"jsonrpc":"2.0","id":1,"method":',
        req(2, 'tools/list'),
        req(3, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } }),
        { jsonrpc: '2.0', method: 'notifications/initialized' },
        req(4, 'no/such/method'),
        req(5, 'tools/call', { name: 'devos_check_edge', arguments: { from: 'src/logic/a.cpp', to: 'x'.repeat(1 << 20) } }),
        req(6, 'tools/call', { name: 'devos_check_edge', arguments: { from: '/etc/passwd', to: 'vector' } }),
        req(7, 'tools/call', { name: 'devos_search_incidents', arguments: { text: 'a', failure_id: 'b' } }),
        req(8, 'tools/call', { name: 'devos_list_rules', arguments: { cursor: 'not-mine' } }),
        req(9, 'tools/list', { cursor: 'not-mine' }),
        req(10, 'tools/call', { name: 'devos_nope', arguments: {} }),
        '[1,2]',
        req(11, 'ping'),
        req(12, 'tools/list', { _meta: { ...meta, 'io.modelcontextprotocol/protocolVersion': '2031-01-01' } }),
        req(13, 'tools/list', { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } }),
        modern(14, 'server/discover'),
        modern(15, 'tools/list'),
        req(16, 'tools/list'),
    ]);
    assert.equal(s.code, 0, s.err);
    assert.ok(s.exitMs < 5000, `exit took ${s.exitMs} ms after end of input`);
    assert.deepEqual(s.unidentified.map((m) => m.error.code), [-32700, -32600], 'a parse error, then a batch refused');
    assert.equal(s.byId.get('2').error.code, -32600, 'a request before initialize without _meta');
    assert.equal(s.byId.get('3').result.protocolVersion, '2025-06-18');
    assert.equal(s.byId.get('4').error.code, -32601);
    const huge = s.byId.get('5').result;
    assert.equal(huge.isError, true);
    assert.match(huge.content[0].text, /argument `to` must not be longer than 4096 characters/);
    assert.match(s.byId.get('6').result.content[0].text, /outside the repo/);
    assert.match(s.byId.get('7').result.content[0].text, /exactly one of `text` and `failure_id`/);
    assert.match(s.byId.get('8').result.content[0].text, /invalid cursor/);
    assert.equal(s.byId.get('9').error.code, -32602);
    assert.equal(s.byId.get('10').error.code, -32602);
    assert.ok(s.byId.get('10').error.data.available.includes('devos_check'));
    assert.deepEqual(s.byId.get('11').result, {});
    const version = s.byId.get('12').error;
    assert.equal(version.code, -32022);
    assert.deepEqual(version.data, { supported: ['2026-07-28', '2025-11-25', '2025-06-18'], requested: '2031-01-01' });
    assert.equal(s.byId.get('13').error.code, -32602, 'clientCapabilities missing from _meta');
    const discover = s.byId.get('14').result;
    assert.deepEqual(discover.supportedVersions, ['2026-07-28', '2025-11-25', '2025-06-18']);
    assert.equal(discover.resultType, 'complete');
    assert.ok(discover.ttlMs > 0 && discover.cacheScope === 'private');
    const modernList = s.byId.get('15').result;
    assert.equal(modernList.resultType, 'complete');
    const legacyList = s.byId.get('16').result;
    assert.equal(legacyList.resultType, undefined, 'legacy results carry no resultType');
    assert.deepEqual(modernList.tools.map((t) => t.name), legacyList.tools.map((t) => t.name), 'one deterministic order');
    const bytes = JSON.stringify({ tools: legacyList.tools }).length;
    console.log(`tools/list (default, ${legacyList.tools.length} tools): ${bytes} bytes = ${Math.round(bytes / 4)} tokens (bytes/4)`);
    assert.ok(bytes <= 4096 * 4, `tools/list grew to ${bytes} bytes = ${Math.round(bytes / 4)} tokens (limit 4096)`);
}

// Cancellation: a queued request cancelled before it runs gets no response; the one running
// finishes (its result arrives) and the server goes on serving.
{
    const s = await session([
        modern(1, 'tools/call', { name: 'devos_check', arguments: {} }),
        modern(2, 'tools/call', { name: 'devos_check', arguments: {} }),
        { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 2, reason: 'test' } },
        modern(3, 'tools/call', { name: 'devos_explain_rule', arguments: { rule: 'layer.include' } }),
    ]);
    assert.equal(s.code, 0, s.err);
    assert.ok(s.byId.has('1'), 'the running request is answered');
    assert.equal(s.byId.has('2'), false, 'the cancelled request is not answered');
    assert.equal(s.byId.get('3').result.structuredContent.id, 'layer.include');
}

// Progress: a request with a progressToken gets notifications/progress before its result.
{
    const s = await session([req(1, 'tools/call', { name: 'devos_check', arguments: { paths: ['src/logic/state.cpp'] }, _meta: { ...meta, progressToken: 'p1' } })]);
    const progress = s.notes.filter((n) => n.method === 'notifications/progress');
    assert.ok(progress.length >= 2, JSON.stringify(s.notes));
    assert.ok(progress.every((n) => n.params.progressToken === 'p1'));
    assert.ok(progress[1].params.progress > progress[0].params.progress, 'progress increases');
    assert.ok(s.byId.get('1').result.structuredContent.findings.some((f) => f.rule === 'purity.throw'));
}
// devos_allow without a reason or an expiry (2026-07-28 multi round-trip requests): a client that
// declares form elicitation is asked (input_required with an elicitation/create form bounded by
// allow.max_days); its retry's inputResponses are read strictly (-32602 naming what is wrong); decline
// and cancel write nothing; accept writes exactly what a complete call writes. Without the
// capability, or in the legacy era, an isError result names the missing arguments.
{
    const source = 'src/logic/clock_and_env.cpp';
    const file = `${REPO}/${source}`;
    const checked = await session([modern(1, 'tools/call', { name: 'devos_check', arguments: { paths: [source], rules: ['purity.env'] } })]);
    const finding = checked.byId.get('1').result.structuredContent.findings[0];
    assert.equal(finding.rule, 'purity.env');
    const eliciting = { ...meta, 'io.modelcontextprotocol/clientCapabilities': { elicitation: { form: {} } } };
    const allow = (id, extra = {}, m = eliciting) =>
        req(id, 'tools/call', { name: 'devos_allow', arguments: { fingerprint: finding.fingerprint }, ...extra, _meta: m });
    const answer = (response) => ({ inputResponses: { missing_arguments: response } });
    const until = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
    const before = readFileSync(file, 'utf8');
    const s = await session([
        allow(1),
        allow(2, {}, meta),
        allow(3, { inputResponses: [] }),
        allow(4, { inputResponses: { other: { action: 'accept' } } }),
        allow(5, answer({ action: 'accept', content: { reason: 'vendor rate' } })),
        allow(6, answer({ action: 'accept', content: { reason: 7, expires: until } })),
        allow(7, answer({ action: 'later' })),
        allow(8, answer({ action: 'decline' })),
        allow(9, answer({ action: 'cancel' })),
        allow(10, answer({ action: 'accept', content: { reason: 'vendor rate', expires: '2199-01-01' } })),
        req(11, 'initialize', { protocolVersion: '2025-11-25', capabilities: { elicitation: {} }, clientInfo: { name: 't', version: '1' } }),
        req(12, 'tools/call', { name: 'devos_allow', arguments: { fingerprint: finding.fingerprint, reason: 'vendor rate' } }),
    ]);
    assert.equal(s.code, 0, s.err);
    const asked = s.byId.get('1').result;
    assert.equal(asked.resultType, 'input_required');
    const form = asked.inputRequests.missing_arguments;
    assert.equal(form.method, 'elicitation/create');
    assert.equal(form.params.mode, 'form');
    assert.deepEqual(form.params.requestedSchema.required, ['reason', 'expires']);
    assert.match(form.params.requestedSchema.properties.expires.description, /at most 36500 days ahead \(allow\.max_days\)/);
    assert.equal(form.params.requestedSchema.properties.expires.format, 'date');
    assert.equal(s.byId.get('2').result.isError, true, 'no elicitation capability: told, not asked');
    assert.match(s.byId.get('2').result.content[0].text, /missing required argument `reason`, `expires`/);
    for (const [id, text] of [['3', /must be an object/], ['4', /no answer to the input request "missing_arguments"/],
        ['5', /content: missing required argument `expires`/], ['6', /content: argument `reason` must be string/],
        ['7', /action must be accept, decline or cancel \(got "later"\)/]]) {
        assert.equal(s.byId.get(id).error?.code, -32602, `request ${id}: ${JSON.stringify(s.byId.get(id))}`);
        assert.match(s.byId.get(id).error.message, text);
    }
    for (const [id, action] of [['8', 'decline'], ['9', 'cancel']]) {
        const refused = s.byId.get(id).result;
        assert.equal(refused.isError, true);
        assert.equal(refused.resultType, 'complete');
        assert.match(refused.content[0].text, new RegExp(`the user chose ${action} .*nothing was done`));
    }
    assert.equal(s.byId.get('10').result.isError, true, 'an accepted expiry beyond allow.max_days is refused like a complete call');
    assert.match(s.byId.get('10').result.content[0].text, /within 36500 days/);
    const legacy = s.byId.get('12').result;
    assert.equal(legacy.isError, true);
    assert.equal(legacy.resultType, undefined);
    assert.match(legacy.content[0].text, /missing required argument `expires`/);
    assert.equal(readFileSync(file, 'utf8'), before, 'nothing written before an accepted, valid answer');

    const accepted = await session([allow(1, answer({ action: 'accept', content: { reason: 'vendor rate, moved in PLAT-7', expires: until } }))]);
    const written = accepted.byId.get('1').result;
    assert.equal(written.isError, false, JSON.stringify(written));
    assert.equal(written.resultType, 'complete');
    assert.equal(written.structuredContent.written_to, source);
    assert.equal(written.structuredContent.comment, `// devos-allow(purity.env): vendor rate, moved in PLAT-7 until ${until}`);
    const lines = readFileSync(file, 'utf8').split('\n');
    assert.equal(lines[written.structuredContent.line - 1].trim(), written.structuredContent.comment);
    assert.equal(lines.length, before.split('\n').length + 1, 'exactly one line added');
}
console.log('PASS');
