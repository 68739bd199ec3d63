#!/usr/bin/env node
// Validates SPDX 2.3 JSON documents offline against the SPDX JSON schema (draft-07, with ajv and
// ajv-formats from tests/sarif/node_modules, installed by scripts/setup.sh).
// Usage: node tests/sbom/validate-spdx.mjs [--schema <spdx-schema-2.3.json>] <file.spdx.json>...
// Exit status: 0 when every file is valid, 1 when one is not, 2 on a usage or setup error.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.resolve(here, "../sarif/package.json"));

function fail(message, status = 2) {
  console.error(`validate-spdx: ${message}`);
  process.exit(status);
}

function readJson(file, what) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    fail(`cannot read ${what} ${file}: ${error.message}`, what === "schema" ? 2 : 1);
  }
}

let schema = path.resolve(here, "../../../shared/schemas/spdx-schema-2.3.json");
const files = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; ++i) {
  if (argv[i] === "--schema") {
    if (i + 1 >= argv.length) fail("--schema needs a path");
    schema = path.resolve(argv[++i]);
  } else if (argv[i].startsWith("-")) {
    fail(`unknown option ${argv[i]}`);
  } else {
    files.push(argv[i]);
  }
}
if (files.length === 0) fail("no SPDX file given\nusage: validate-spdx.mjs [--schema FILE] FILE.spdx.json...");

let Ajv, addFormats;
try {
  Ajv = require("ajv").default;
  addFormats = require("ajv-formats").default;
} catch {
  fail("cannot load 'ajv' and 'ajv-formats': run 'npm ci --prefix tests/sarif' (scripts/setup.sh does it)");
}
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(readJson(schema, "schema"));

let failed = false;
for (const file of files) {
  if (validate(readJson(file, "document"))) {
    console.log(`${file}: valid SPDX 2.3`);
  } else {
    failed = true;
    console.error(`${file}: not valid SPDX 2.3`);
    for (const error of validate.errors) console.error(`  ${error.instancePath || "/"}: ${error.message}`);
  }
}
process.exit(failed ? 1 : 0);
