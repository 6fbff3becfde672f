// Runs the built drills entry (dist/entry-script.js) under a runtime binary, from this package's
// folder so the runtime resolves the built voxwire packages through node_modules by itself.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runProcess } from "@voxwire/test-utils";
import type { DrillInput, DrillOutput } from "../src/index.js";
import { parseOutput } from "./drill-harness.js";

const here = fileURLToPath(new URL("..", import.meta.url));
const ENTRY = `${here}dist/entry-script.js`;
const packages = fileURLToPath(new URL("../../", import.meta.url));

/** Why the entry cannot run yet (a package not built), or undefined. */
export function unbuilt(): string | undefined {
  const missing = ["runtimes", "core", "omni", "omnia", "openai", "orbitali", "token-first", "gemini", "elevenlabs", "deepgram"].filter((name) => {
    const file = name === "runtimes" ? ENTRY : `${packages}${name}/dist/index.js`;
    return !existsSync(file);
  });
  return missing.length === 0 ? undefined : `not built: packages/${missing.join(", packages/")} (npx pnpm@10 build)`;
}

/** `bin ...runtimeArgs dist/entry-script.js <input>`, with a deadline well under the test's. */
export async function runEntry(bin: string, runtimeArgs: readonly string[], input: DrillInput): Promise<DrillOutput> {
  const run = await runProcess(bin, [...runtimeArgs, ENTRY, JSON.stringify(input)], { cwd: here, timeoutMs: 60_000 });
  if (run.timedOut) throw new Error(`${bin} did not finish within 60 s; stdout:\n${run.stdout.slice(-2000)}\nstderr:\n${run.stderr.slice(-2000)}`);
  return parseOutput(run.stdout, run.stderr);
}
