#!/usr/bin/env node
// Installs a pinned runtime other than Node (scripts/js-runtimes.json: bun, deno, miniflare with
// its workerd) from the npm registry into the cache outside git, and prints the path tests use:
// the binary, or for miniflare the module to import.
// Usage: node scripts/ensure-runtime.mjs <name>     e.g. node scripts/ensure-runtime.mjs bun
//
// Each gets runtimes/<name>-<version>/ in the cache (scripts/npm-runtime.mjs says where, and how
// concurrent callers share it). Verified by the pin's `check` command. Exits 1 with one line
// saying why on stderr (e.g. the registry is unreachable), so tests can skip with that reason.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureInstalled, outputOf, RuntimeInstallError } from "./npm-runtime.mjs";

const PINS = JSON.parse(readFileSync(fileURLToPath(new URL("js-runtimes.json", import.meta.url)), "utf8"));

/** The names scripts/js-runtimes.json pins. */
export const RUNTIME_NAMES = Object.keys(PINS).filter((name) => !name.startsWith("$"));

/** Returns the path of the pinned runtime `name` (see the pin's `path`), installing it first when it is missing. */
export function ensureRuntime(name) {
  const pin = RUNTIME_NAMES.includes(name) ? PINS[name] : undefined;
  if (!pin) throw new RuntimeInstallError(`no pinned runtime "${name}": scripts/js-runtimes.json lists ${RUNTIME_NAMES.join(", ")}`);
  const [command, ...args] = pin.check;
  const verify = (dir) => {
    const got = outputOf(join(dir, command), args);
    return got?.startsWith(pin.says) ? undefined : `${join(dir, command)} ${args.join(" ")} says ${got ?? "nothing (it does not run)"}`;
  };
  const log = (line) => process.stderr.write(`ensure-runtime: ${line}\n`);
  return join(ensureInstalled({ name: `${name}-${pin.version}`, spec: `${name}@${pin.version}`, verify, log }), pin.path);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const name = process.argv[2];
  if (!name) {
    process.stderr.write(`usage: node scripts/ensure-runtime.mjs <${RUNTIME_NAMES.join("|")}>\n`);
    process.exit(2);
  }
  try {
    process.stdout.write(`${ensureRuntime(name)}\n`);
  } catch (error) {
    process.stderr.write(`ensure-runtime: ${error instanceof RuntimeInstallError ? error.message : error.stack}\n`);
    process.exit(1);
  }
}
