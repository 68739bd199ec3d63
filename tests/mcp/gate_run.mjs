// devos_gate_run against a tiny gated project (check-fast records one gate through `devos gate run`
// and `gate report`; check-full sleeps in a child that writes its pid): a passing run with progress
// per gate, and a cancelled run whose processes are really gone. Env: DEVOS, GATED (the project's
// source folder), GATED_BUILD (its configured build folder).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const { DEVOS, GATED, GATED_BUILD } = process.env;
const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} };
const child = spawn(DEVOS, ['mcp', '--root', GATED, '-p', GATED_BUILD], { stdio: ['pipe', 'pipe', 'inherit'] });
const messages = [];
let buffer = '';
child.stdout.on('data', (d) => {
    buffer += d;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        messages.push(JSON.parse(buffer.slice(0, nl)));
        buffer = buffer.slice(nl + 1);
    }
});
const send = (m) => child.stdin.write(JSON.stringify(m) + '\n');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(test, what, ms = 60000) {
    for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (test()) return;
    throw new Error(`timed out waiting for ${what}`);
}
const response = (id) => messages.find((m) => m.id === id);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };

send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'devos_gate_run', arguments: { gate: 'fast' }, _meta: { ...meta, progressToken: 'fast' } } });
await until(() => response(1), 'the check-fast result');
const fast = response(1).result.structuredContent;
assert.equal(fast.passed, true, JSON.stringify(fast));
assert.deepEqual(fast.gates.map((g) => [g.gate, g.status]), [['demo', 'passed']]);
assert.equal(fast.levels.fast, 'passed');
const progress = messages.filter((m) => m.method === 'notifications/progress' && m.params.progressToken === 'fast');
assert.ok(progress.some((p) => p.params.message === 'demo passed'), JSON.stringify(progress));

send({ jsonrpc: '2.0', id: 4, method: 'resources/read', params: { uri: 'devos://runs/fast/sarif', _meta: meta } });
await until(() => response(4), 'the gate SARIF');
assert.equal(JSON.parse(response(4).result.contents[0].text).version, '2.1.0');
assert.equal(response(4).result.contents[0].mimeType, 'application/sarif+json');

// check-full runs a child that sleeps 60 s; cancelling the request stops it and its whole group.
send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'devos_gate_run', arguments: { gate: 'full' }, _meta: meta } });
const pidFile = `${GATED_BUILD}/slow.pid`;
await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim().length > 0, 'the slow gate to start');
const pid = Number(readFileSync(pidFile, 'utf8').trim());
assert.ok(alive(pid));
const cancelledAt = Date.now();
send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 2, reason: 'test' } });
await until(() => !alive(pid), 'the slow gate to be killed', 10000);
console.log(`cancelled check-full: its process was gone after ${Date.now() - cancelledAt} ms`);
send({ jsonrpc: '2.0', id: 3, method: 'ping', params: { _meta: meta } });
await until(() => response(3), 'the ping after the cancellation');
assert.equal(response(2), undefined, 'a cancelled request gets no response');
child.stdin.end();
await new Promise((r) => child.on('close', r));
console.log('PASS');
