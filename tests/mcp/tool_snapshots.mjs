// Tool-schema snapshots: each tool's tools/list entry (`devos mcp --list-tools`) must equal
// tests/mcp/toolsnaps/<name>.json, so a schema change shows up in review. UPDATE_SNAPSHOTS=1 rewrites
// them. Env: DEVOS.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'toolsnaps');
const { tools } = JSON.parse(execFileSync(process.env.DEVOS, ['mcp', '--list-tools'], { encoding: 'utf8' }));
if (process.env.UPDATE_SNAPSHOTS) {
    mkdirSync(dir, { recursive: true });
    for (const tool of tools) writeFileSync(join(dir, `${tool.name}.json`), JSON.stringify(tool, null, 2) + '\n');
}
const snapshots = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
assert.deepEqual(tools.map((t) => t.name).sort(), snapshots, 'every tool has a snapshot and every snapshot a tool');
for (const tool of tools) {
    const expected = JSON.parse(readFileSync(join(dir, `${tool.name}.json`), 'utf8'));
    assert.deepEqual(tool, expected, `${tool.name} differs from toolsnaps/${tool.name}.json (UPDATE_SNAPSHOTS=1 to accept)`);
    for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'])
        assert.equal(typeof tool.annotations[hint], 'boolean', `${tool.name} lacks ${hint}`);
    assert.equal(tool.outputSchema.type, 'object', `${tool.name} lacks an object outputSchema`);
    assert.match(tool.name, /^devos_[a-z_]+$/);
}
// --read-only keeps exactly the tools whose readOnlyHint is true.
const readOnly = JSON.parse(execFileSync(process.env.DEVOS, ['mcp', '--list-tools', '--read-only'], { encoding: 'utf8' })).tools;
assert.deepEqual(readOnly.map((t) => t.name), tools.filter((t) => t.annotations.readOnlyHint).map((t) => t.name));
console.log(`PASS (${tools.length} tool snapshots)`);
