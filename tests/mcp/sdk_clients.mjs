// Drives the real `devos mcp` binary with the official MCP client SDKs over stdio: the v1 SDK
// (@modelcontextprotocol/sdk, initialize 2025-11-25) and the v2 client in its legacy, auto and
// pinned-2026-07-28 modes. Every tool is listed and called; the SDKs validate each structuredContent
// against the tool's outputSchema. The pinned v2 client also answers devos_allow's question for a
// missing reason and expiry through its multi round-trip driver and elicitation handler. Env: DEVOS (the binary), REPO, BUILD, DB, FAILURE_ID.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport as StdioV1 } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Client as ClientV2 } from '@modelcontextprotocol/client';
import { StdioClientTransport as StdioV2 } from '@modelcontextprotocol/client/stdio';

const { DEVOS, REPO, BUILD, DB, FAILURE_ID } = process.env;
for (const [name, value] of Object.entries({ DEVOS, REPO, BUILD, DB, FAILURE_ID }))
    assert.ok(value, `${name} must be set`);
const server = { command: DEVOS, args: ['mcp', '--root', REPO, '-p', BUILD, '--db', DB], stderr: 'pipe' };

// The arguments each tool is called with, and what its result must show.
const calls = {
    devos_check_edge: [{ from: 'src/logic/pricing.cpp', to: 'adapters/pg_repo.hpp' },
        (r) => { assert.equal(r.allowed, false); assert.equal(r.rule, 'layer.include'); assert.equal(r.to_layer, 'adapters'); assert.ok(r.instead.length > 0); }],
    devos_layer_map: [{}, (r) => {
        assert.ok(r.layers.some((l) => l.name === 'logic')); assert.ok(r.edges.length > 0);
        // The compile database's includes: the fixture's logic -> adapters includes are counted as forbidden.
        const bad = r.build_edges.find((e) => e.kind === 'include' && e.from === 'logic' && e.to === 'adapters');
        assert.ok(bad && bad.violations > 0 && bad.violations <= bad.count, JSON.stringify(r.build_edges));
        assert.ok(r.build.files_scanned > 10);
        assert.ok(r.build.notes.some((n) => /File API/.test(n)), 'no codemodel in this build: said so');
    }],
    devos_list_rules: [{ family: 'purity' }, (r) => { assert.ok(r.rules.length > 5); assert.ok(r.rules.every((x) => x.id.startsWith('purity.'))); }],
    devos_explain_rule: [{ rule: 'purity.clock' }, (r) => { assert.equal(r.id, 'purity.clock'); assert.match(r.instead, /Clock/); assert.equal(r.doc_uri, 'devos://rules/purity.clock'); }],
    devos_gate_status: [{}, null], // no gates ran in this build folder: an isError result that says so
    devos_check: [{ paths: ['src/logic/clock_and_env.cpp'] },
        (r) => { const f = r.findings.find((x) => x.rule === 'purity.clock'); assert.ok(f, JSON.stringify(r).slice(0, 500)); assert.equal(f.file, 'src/logic/clock_and_env.cpp'); assert.match(f.fingerprint, /^[0-9a-f]{16}$/); assert.ok(f.why && f.instead); assert.ok(r.counts.errors > 0); }],
    devos_baseline_status: [{}, (r) => { assert.equal(typeof r.exists, 'boolean'); assert.ok(Array.isArray(r.baseline)); }],
    devos_search_incidents: [{ text: 'SEGV on unknown address in OrderRepo::save at order_repo.cpp:42', k: 3 },
        (r) => { assert.ok(r.searched >= 2); assert.ok(r.hits.length >= 1); assert.equal(r.hits[0].failure_id, FAILURE_ID); assert.equal(r.exact, true); }],
    devos_get_incident: [{ failure_id: FAILURE_ID }, (r) => { assert.equal(r.failure.failure_id, FAILURE_ID); assert.ok(r.occurrences >= 1); }],
    devos_test_failures: [{ limit: 1 }, (r) => { assert.equal(r.failures.length, 1); assert.ok(r.count >= 2); assert.equal(r.truncated, true); assert.ok(r.next_cursor); }],
    devos_ingest: [{ kind: 'junit', path: `${BUILD}/run2.xml` }, (r) => { assert.equal(r.run.failed, 1); assert.equal(r.failures.length, 1); assert.match(r.failures[0].pattern_id, /^[0-9a-f]{64}$/); }],
    // The fixture copy is no git clone: heal refuses, saying why (e2e.self_heal covers a real proposal).
    devos_propose_fix: [{ failure_id: FAILURE_ID }, null, /not a git work tree/],
    // No proposal was made here (e2e.mcp_heal applies a real one): a clear error, nothing written.
    devos_apply_proposal: [{ proposal_id: '01KBNHS8W8T7TQ1ZK2R4QW0Y3M' }, null, /no proposal bundle/],
    devos_allow: 'below',
    devos_check_dependency: [{ name: 'nlohmann_json', version: '3.11.2' },
        (r) => { assert.equal(r.allowed, false); assert.equal(r.findings[0].rule, 'dependency.floor'); }],
    devos_deps: 'below',
    // The fixture is not gated: the build says so, and the result carries its output (gate_run.mjs runs real gates).
    devos_gate_run: [{ gate: 'fast' }, (r) => { assert.equal(r.passed, false); assert.match(r.output_tail, /check-fast/); }],
};

let allowed; // the fingerprint the first client allows

function structured(result) {
    assert.equal(result.isError, false, JSON.stringify(result.content).slice(0, 800));
    assert.deepEqual(JSON.parse(result.content[0].text), result.structuredContent);
    return result.structuredContent;
}

async function exercise(label, client) {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    assert.deepEqual([...names].sort(), Object.keys(calls).sort(), `${label}: tools`);
    for (const tool of tools) {
        for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'])
            assert.equal(typeof tool.annotations?.[hint], 'boolean', `${label}: ${tool.name} lacks ${hint}`);
        assert.equal(tool.inputSchema.type, 'object', `${label}: ${tool.name} inputSchema`);
        assert.equal(tool.outputSchema?.type, 'object', `${label}: ${tool.name} outputSchema`);
    }
    for (const [name, [args, expect, error = /check-fast/] = []] of Object.entries(calls)) {
        if (calls[name] === 'below') continue;
        const result = await client.callTool({ name, arguments: args });
        if (expect === null) {
            assert.equal(result.isError, true, `${label}: ${name} should fail here`);
            assert.match(result.content[0].text, error);
        } else {
            expect(structured(result));
        }
    }
    const banned = structured(await client.callTool({ name: 'devos_check_dependency', arguments: { name: 'Threads' } }));
    assert.equal(banned.allowed, false);
    assert.equal(banned.findings[0].rule, 'dependency.ban');
    assert.equal(structured(await client.callTool({ name: 'devos_check_dependency', arguments: { name: 'fmt', version: '10.1' } })).allowed, true);
    // The fixture's configure recorded no File API reply: devos_deps says what is missing.
    const deps = await client.callTool({ name: 'devos_deps', arguments: {} });
    if (deps.isError) assert.match(deps.content[0].text, /record|File API|codemodel|reply/i);
    else assert.ok(Array.isArray(deps.structuredContent.packages));
    // devos_allow writes an allow comment above a finding (the first client); the finding is gone from
    // the next check, and later clients find no such finding any more.
    const throwing = structured(await client.callTool({ name: 'devos_check', arguments: { paths: ['src/logic/state.cpp'], rules: ['purity.throw'] } }));
    const until = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
    if (allowed === undefined) {
        allowed = throwing.findings[0].fingerprint;
        const late = await client.callTool({ name: 'devos_allow', arguments: { fingerprint: allowed, reason: 'legacy parser, replaced in PLAT-12', expires: '2199-01-01' } });
        assert.equal(late.isError, true, 'an expiry beyond allow.max_days (36500 in the fixture) is refused');
        assert.match(late.content[0].text, /within 36500 days \(allow\.max_days\)/);
        const written = structured(await client.callTool({ name: 'devos_allow', arguments: { fingerprint: allowed, reason: 'legacy parser, replaced in PLAT-12', expires: until } }));
        assert.equal(written.written_to, 'src/logic/state.cpp');
        assert.equal(written.comment, `// devos-allow(purity.throw): legacy parser, replaced in PLAT-12 until ${until}`);
        const after = structured(await client.callTool({ name: 'devos_check', arguments: { paths: ['src/logic/state.cpp'] } }));
        assert.ok(!after.findings.some((f) => f.fingerprint === allowed), 'the allowed finding is gone');
    } else {
        const again = await client.callTool({ name: 'devos_allow', arguments: { fingerprint: allowed, reason: 'again', expires: until } });
        assert.equal(again.isError, true);
        assert.match(again.content[0].text, /no current finding has the fingerprint/);
    }
    // Bad input is a tool result naming the argument and the allowed values; the server keeps serving.
    const bad = await client.callTool({ name: 'devos_check_edge', arguments: { from: 7, to: 'x' } });
    assert.equal(bad.isError, true);
    assert.match(bad.content[0].text, /argument `from` must be string/);
    const unknownRule = await client.callTool({ name: 'devos_explain_rule', arguments: { rule: 'no.such' } });
    assert.equal(unknownRule.isError, true);
    assert.match(unknownRule.content[0].text, /use one of: layer\.include/);
    const outside = await client.callTool({ name: 'devos_check', arguments: { paths: ['../../etc/passwd'] } });
    assert.equal(outside.isError, true);
    assert.match(outside.content[0].text, /outside the repo/);
    await assert.rejects(client.callTool({ name: 'devos_nope', arguments: {} }), (e) => e.code === -32602 || /Unknown tool/.test(e.message));

    const { resources } = await client.listResources();
    assert.ok(resources.some((r) => r.uri === 'devos://rules/layer.include'));
    const page = await client.readResource({ uri: 'devos://rules/purity.clock' });
    assert.match(page.contents[0].text, /purity\.clock/);
    const { prompts } = await client.listPrompts();
    assert.deepEqual(prompts.map((p) => p.name), ['fix_violation', 'triage_failure']);
    const prompt = await client.getPrompt({ name: 'triage_failure', arguments: { failure_id: FAILURE_ID } });
    assert.match(prompt.messages[0].content.text, /devos_get_incident/);
    console.log(`${label}: ${tools.length} tools called, structuredContent validated`);
}

async function run(label, client, transport, era) {
    await client.connect(transport);
    try {
        if (era) assert.equal(client.getProtocolEra(), era, `${label}: era`);
        await exercise(label, client);
    } finally {
        await client.close();
    }
}

await run('sdk v1 (initialize)', new ClientV1({ name: 'devos-test', version: '1.0.0' }), new StdioV1(server));
assert.equal((await (async () => {
    const c = new ClientV1({ name: 'devos-test', version: '1.0.0' });
    await c.connect(new StdioV1(server));
    const v = c.getServerVersion();
    await c.close();
    return v.name;
})()), 'devos');
for (const [mode, era] of [['legacy', 'legacy'], ['auto', 'modern'], [{ pin: '2026-07-28' }, 'modern']])
    await run(`client v2 mode ${JSON.stringify(mode)}`,
        new ClientV2({ name: 'devos-test', version: '2.0.0' }, { versionNegotiation: { mode } }), new StdioV2(server), era);
// devos_allow asks the user (2026-07-28 multi round-trip requests, pinned): the client declares form
// elicitation, the server answers input_required, the SDK's driver calls the elicitation handler and
// retries the call with the answer. A declined form writes nothing; an accepted one writes the comment.
{
    const seen = [];
    let reply;
    const client = new ClientV2({ name: 'devos-test', version: '2.0.0' },
        { versionNegotiation: { mode: { pin: '2026-07-28' } }, capabilities: { elicitation: { form: {} } } });
    client.setRequestHandler('elicitation/create', async (request) => { seen.push(request.params); return reply; });
    await client.connect(new StdioV2(server));
    try {
        assert.equal(client.getProtocolEra(), 'modern');
        const source = 'src/logic/state.cpp';
        const target = structured(await client.callTool({ name: 'devos_check', arguments: { paths: [source], rules: ['purity.volatile'] } })).findings[0];
        assert.equal(target.rule, 'purity.volatile');
        const before = readFileSync(`${REPO}/${source}`, 'utf8');
        reply = { action: 'decline' };
        const declined = await client.callTool({ name: 'devos_allow', arguments: { fingerprint: target.fingerprint } });
        assert.equal(declined.isError, true);
        assert.match(declined.content[0].text, /the user chose decline when asked for `reason`, `expires`; nothing was done/);
        assert.equal(readFileSync(`${REPO}/${source}`, 'utf8'), before, 'a declined form writes nothing');
        const until = new Date(Date.now() + 60 * 86400000).toISOString().slice(0, 10);
        reply = { action: 'accept', content: { expires: until } };
        const written = structured(await client.callTool({ name: 'devos_allow', arguments: { fingerprint: target.fingerprint, reason: 'memory-mapped register, moved in PLAT-9' } }));
        assert.equal(written.written_to, source);
        assert.equal(written.comment, `// devos-allow(purity.volatile): memory-mapped register, moved in PLAT-9 until ${until}`);
        assert.equal(seen.length, 2, 'the handler was asked once per call');
        assert.deepEqual(seen[0].requestedSchema.required, ['reason', 'expires']);
        assert.deepEqual(seen[1].requestedSchema.required, ['expires'], 'only what the call lacks is asked');
        assert.ok(seen[0].message.includes(target.fingerprint));
        const after = structured(await client.callTool({ name: 'devos_check', arguments: { paths: [source] } }));
        assert.ok(!after.findings.some((f) => f.fingerprint === target.fingerprint), 'the allowed finding is gone');
        console.log('client v2 pinned 2026-07-28: devos_allow asked through elicitation (declined, then accepted)');
    } finally {
        await client.close();
    }
}
console.log('PASS');
