#!/usr/bin/env node
// Installs the pinned Node of one major (scripts/node-runtimes.json) from the npm registry's `node`
// package into a cache outside git, and prints the path of its `node` binary.
// Usage: node scripts/ensure-node.mjs <major>     e.g. node scripts/ensure-node.mjs 22
//
// Each version gets runtimes/node-<version>/ in the cache (scripts/npm-runtime.mjs says where, and
// how concurrent callers share it). Verified by `<bin> --version`. Exits 1 with one line saying
// why on stderr (e.g. the registry is unreachable), so tests can skip with that reason.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureInstalled, outputOf, RuntimeInstallError } from "./npm-runtime.mjs";

export { cacheDir } from "./npm-runtime.mjs";

const PINS = JSON.parse(readFileSync(fileURLToPath(new URL("node-runtimes.json", import.meta.url)), "utf8"));

/** Where the binary of an install lives, under its version's folder. */
const binIn = (dir) => join(dir, "node_modules", "node", "bin", "node");

/** Returns the path of the pinned Node `major`'s binary, installing it first when it is missing. */
export function ensureNode(major) {
  const version = PINS[String(major)];
  if (!/^\d+$/.test(String(major)) || typeof version !== "string") {
    const known = Object.keys(PINS).filter((k) => /^\d+$/.test(k));
    throw new RuntimeInstallError(`no pinned version for Node ${major}: scripts/node-runtimes.json lists ${known.join(", ")}`);
  }
  const verify = (dir) => {
    const got = outputOf(binIn(dir), ["--version"]);
    return got === `v${version}` ? undefined : `${binIn(dir)} --version says ${got ?? "nothing (it does not run)"}`;
  };
  const log = (line) => process.stderr.write(`ensure-node: ${line}\n`);
  return binIn(ensureInstalled({ name: `node-${version}`, spec: `node@${version}`, verify, log }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const major = process.argv[2];
  if (!major) {
    process.stderr.write("usage: node scripts/ensure-node.mjs <major>\n");
    process.exit(2);
  }
  try {
    process.stdout.write(`${ensureNode(major)}\n`);
  } catch (error) {
    process.stderr.write(`ensure-node: ${error instanceof RuntimeInstallError ? error.message : error.stack}\n`);
    process.exit(1);
  }
}
