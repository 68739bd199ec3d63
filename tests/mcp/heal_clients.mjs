// devos_propose_fix and devos_apply_proposal through the v1 MCP SDK client on a real repository
// (tests/e2e/mcp_heal.sh): a real proposal by the playbook agent, applied on selfheal/<id> in its own
// worktree, re-applied, re-created from its bundle, and refused for bad or tampered input. The SDK
// validates every structuredContent against the tool's outputSchema. Env: DEVOS, REPO, DB, F_ROUND.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const { DEVOS, REPO, DB, F_ROUND } = process.env;
for (const [name, value] of Object.entries({ DEVOS, REPO, DB, F_ROUND })) assert.ok(value, `${name} must be set`);
const git = (...args) => execFileSync('git', ['-C', REPO, ...args], { encoding: 'utf8' }).trim();
const refsBefore = git('for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads/main');

const client = new Client({ name: 'devos-heal-test', version: '1.0.0' });
await client.connect(new StdioClientTransport({ command: DEVOS, args: ['mcp', '--root', REPO, '-p', `${REPO}/build`, '--db', DB], stderr: 'inherit' }));
const call = (name, args) => client.callTool({ name, arguments: args }, undefined, { timeout: 900000, resetTimeoutOnProgress: true, onprogress: () => {} });
function structured(result) {
    assert.equal(result.isError, false, JSON.stringify(result.content).slice(0, 1500));
    assert.deepEqual(JSON.parse(result.content[0].text), result.structuredContent);
    return result.structuredContent;
}
async function refused(name, args, pattern) {
    const result = await call(name, args);
    assert.equal(result.isError, true, `${name} ${JSON.stringify(args)} should fail`);
    assert.match(result.content[0].text, pattern);
}

const { tools } = await client.listTools();
const apply = tools.find((t) => t.name === 'devos_apply_proposal');
assert.deepEqual(apply.annotations, { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false });

// 1. A real proposal: the playbook re-applies the learned fix, validated and proven in a worktree.
const started = Date.now();
const proposed = structured(await call('devos_propose_fix', { failure_id: F_ROUND, agent: 'playbook' }));
console.log(`devos_propose_fix: ${proposed.outcome.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
assert.equal(proposed.proposed, true);
const p = proposed.outcome.proposal;
assert.equal(proposed.outcome.status, 'proposed');
assert.equal(p.agent, 'playbook');
assert.equal(p.branch, `selfheal/${p.id}`);
assert.equal(proposed.outcome.proof.failed_before, true);
assert.equal(proposed.outcome.proof.passed_after, true);
assert.equal(git('rev-parse', p.branch), p.commit);

// 2. Applied: a worktree of the proposal's commit on its own branch, inside the repo.
const applied = structured(await call('devos_apply_proposal', { proposal_id: p.id }));
assert.equal(applied.status, 'applied');
assert.equal(applied.recreated, false);
assert.equal(applied.branch, p.branch);
assert.equal(applied.commit, p.commit);
assert.equal(applied.worktree, `.devos/selfheal/${p.id}/worktree`);
const worktree = `${REPO}/${applied.worktree}`;
assert.equal(execFileSync('git', ['-C', worktree, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim(), p.commit);
assert.match(readFileSync(`${worktree}/src/logic/pricing.cpp`, 'utf8'), /\(rest \+ basisPointsPerUnit \/ 2\)/);
// 3. Again: nothing new.
assert.equal(structured(await call('devos_apply_proposal', { proposal_id: p.id })).status, 'already_applied');

// 4. The branch and worktree deleted: re-created from the bundle's fix.patch on the failing commit,
// with exactly the proposal's tree.
git('worktree', 'remove', '--force', worktree);
git('branch', '-D', p.branch);
const recreated = structured(await call('devos_apply_proposal', { proposal_id: p.id }));
assert.equal(recreated.status, 'applied');
assert.equal(recreated.recreated, true);
assert.equal(git('rev-parse', p.branch), recreated.commit);
assert.equal(git('rev-parse', `${recreated.commit}^{tree}`), git('rev-parse', `${p.commit}^{tree}`));
assert.equal(git('rev-parse', `${recreated.commit}^`), recreated.base_commit);

// 5. Bad input: a clear error, nothing written.
await refused('devos_apply_proposal', { proposal_id: 'main' }, /proposal_id/);
await refused('devos_apply_proposal', { proposal_id: '../../../etc/passwd' }, /proposal_id/);
await refused('devos_apply_proposal', { proposal_id: p.id, branch: 'main' }, /branch/);
await refused('devos_apply_proposal', {}, /proposal_id/);
await refused('devos_apply_proposal', { proposal_id: '01KBNHS8W8T7TQ1ZK2R4QW0Y3M' }, /no proposal bundle/);
// A tampered bundle that names main, or a file outside the repo, is refused before git is touched.
const report = JSON.parse(readFileSync(`${REPO}/.devos/selfheal/${p.id}/report.json`, 'utf8'));
const forged = '01KBNHS8W8T7TQ1ZK2R4QW0Y3N';
mkdirSync(`${REPO}/.devos/selfheal/${forged}`);
writeFileSync(`${REPO}/.devos/selfheal/${forged}/report.json`, JSON.stringify({ ...report, proposal: { ...report.proposal, id: forged, branch: 'main' } }));
await refused('devos_apply_proposal', { proposal_id: forged }, /proposal\.branch is not selfheal\//);
writeFileSync(`${REPO}/.devos/selfheal/${forged}/report.json`, JSON.stringify({ ...report, proposal: { ...report.proposal, id: forged, branch: `selfheal/${forged}`, files: ['../outside.cpp'] } }));
await refused('devos_apply_proposal', { proposal_id: forged }, /not a repo-relative path/);
execFileSync('rm', ['-r', `${REPO}/.devos/selfheal/${forged}`]);
assert.ok(!existsSync(`${REPO}/../outside.cpp`));
assert.equal(git('for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads/main'), refsBefore, 'main moved');
assert.equal(git('for-each-ref', '--format=%(refname)', 'refs/heads/selfheal/'), `refs/heads/${p.branch}`);
await client.close();
console.log('PASS');
