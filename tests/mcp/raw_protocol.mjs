// Plain JSON-RPC over stdio against the real `devos mcp` binary, for what an SDK client never sends:
// malformed lines, unknown methods, wrong versions, huge arguments, a cancelled request; and the
// transport rules (only protocol lines on stdout, exit at end of input). Also measures the default
// tools/list size. Env: DEVOS, REPO, BUILD, DB.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

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
console.log('PASS');
