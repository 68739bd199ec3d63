#!/usr/bin/env node
// Validates SARIF files offline: against the OASIS SARIF 2.1.0 JSON schema (draft-04, with ajv), then with
// the SARIF Multitool's `validate` (SARIF and GitHub ingestion rules; its errors and warnings fail, its
// notes are advice) when its binary for this platform is installed.
// Usage: node tests/sarif/validate-sarif.mjs [--schema <sarif-schema-2.1.0.json>] [--no-multitool] <file.sarif>...
// Exit status: 0 when every file is valid, 1 when one is not, 2 on a usage or setup error.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const require = createRequire(import.meta.url);

function fail(message, status = 2) {
  console.error(`validate-sarif: ${message}`);
  process.exit(status);
}

function parseArgs(argv) {
  const options = {
    schema: path.resolve(repoRoot, "../shared/schemas/sarif-schema-2.1.0.json"),
    multitool: true,
    files: [],
  };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === "--schema") {
      if (i + 1 >= argv.length) fail("--schema needs a path");
      options.schema = path.resolve(argv[++i]);
    } else if (argv[i] === "--no-multitool") {
      options.multitool = false;
    } else if (argv[i].startsWith("-")) {
      fail(`unknown option ${argv[i]}`);
    } else {
      options.files.push(argv[i]);
    }
  }
  if (options.files.length === 0) fail("no SARIF file given\nusage: validate-sarif.mjs [--schema FILE] [--no-multitool] FILE.sarif...");
  return options;
}

function loadModule(name) {
  try {
    return require(name);
  } catch {
    fail(`cannot load '${name}': run 'npm ci --prefix tests/sarif' (scripts/setup.sh does it)`);
  }
}

function readJson(file, what) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    fail(`cannot read ${what} ${file}: ${error.message}`, what === "schema" ? 2 : 1);
  }
}

function schemaValidator(schemaFile) {
  const Ajv = loadModule("ajv-draft-04");
  const addFormats = loadModule("ajv-formats");
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(readJson(schemaFile, "schema"));
}

// The Multitool binary that npm installed for this platform, or null.
function multitoolBinary() {
  const name = process.platform === "win32" ? "Sarif.Multitool.exe" : "Sarif.Multitool";
  try {
    const dir = path.dirname(require.resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`));
    const binary = path.join(dir, name);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

// A result's message: its text, or its rule's message string with the arguments filled in.
function messageText(run, result) {
  const message = result.message ?? {};
  if (message.text) return message.text;
  const rule = (run.tool.driver.rules ?? []).find((r) => r.id === result.ruleId);
  const template = rule?.messageStrings?.[message.id]?.text;
  const args = message.arguments ?? [];
  return template ? template.replace(/\{(\d+)\}/g, (_, n) => args[Number(n)] ?? "") : args.join(" | ");
}

// The Multitool's error and warning results for `file`, as "ruleId: message" lines. Its exit status does
// not reflect them, so they are read from the log it writes.
function multitoolProblems(binary, file) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "validate-sarif-"));
  try {
    const output = path.join(dir, "validation.sarif");
    const args = ["validate", "--rule-kind", "Sarif;Gh", "--max-file-size-in-kb", "1048576", "--output", output, file];
    const run = spawnSync(binary, args, {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1" },
    });
    if (run.error) fail(`cannot run ${binary}: ${run.error.message}`);
    if (run.status !== 0 || !existsSync(output))
      fail(`SARIF Multitool failed on ${file} (exit ${run.status}):\n${run.stdout}${run.stderr}`);
    const problems = [];
    for (const run of readJson(output, "Multitool log").runs) {
      for (const result of run.results ?? []) {
        if (result.level === "note" || result.level === "none") continue;
        problems.push(`${result.ruleId}: ${messageText(run, result)}`);
      }
    }
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const options = parseArgs(process.argv.slice(2));
const validate = schemaValidator(options.schema);
const multitool = options.multitool ? multitoolBinary() : null;
if (options.multitool && !multitool)
  console.error("validate-sarif: @microsoft/sarif-multitool is not installed for this platform; schema check only");

let invalid = 0;
for (const file of options.files) {
  const log = readJson(file, "SARIF file");
  if (!validate(log)) {
    ++invalid;
    console.error(`${file}: does not match the SARIF 2.1.0 schema:`);
    for (const error of validate.errors) console.error(`  ${error.instancePath || "/"}: ${error.message}`);
    continue;
  }
  const problems = multitool ? multitoolProblems(multitool, file) : [];
  if (problems.length > 0) {
    ++invalid;
    console.error(`${file}: SARIF Multitool validate reports:`);
    for (const problem of problems) console.error(`  ${problem}`);
    continue;
  }
  console.log(`${file}: valid SARIF 2.1.0${multitool ? " (schema + Multitool)" : " (schema)"}`);
}
process.exit(invalid === 0 ? 0 : 1);
