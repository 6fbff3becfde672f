// Runtimes besides Node for tests: Bun, Deno and Miniflare (with workerd), pinned in
// scripts/js-runtimes.json and installed from the npm registry by scripts/ensure-runtime.mjs
// (the one implementation; this module runs it).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("../../../scripts/ensure-runtime.mjs", import.meta.url));

/** A runtime scripts/js-runtimes.json pins. */
export type JsRuntimeName = "bun" | "deno" | "miniflare";

/** The exact version pinned for each runtime, e.g. `{ bun: "1.4.5" }`. */
export const JS_RUNTIMES: Readonly<Record<JsRuntimeName, string>> = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(new URL("../../../scripts/js-runtimes.json", import.meta.url), "utf8")) as Record<string, unknown>)
    .filter(([name]) => !name.startsWith("$"))
    .map(([name, pin]) => [name, (pin as { version: string }).version]),
) as Record<JsRuntimeName, string>;

/** Per runtime and cache folder (a test may point VOXWIRE_CACHE_DIR elsewhere). */
const ensured = new Map<string, Promise<string>>();

/**
 * The path scripts/ensure-runtime.mjs prints for `name` (Bun's or Deno's binary, Miniflare's
 * module), installed into the cache outside git on the first call. Rejects with the script's
 * one-line reason (the registry unreachable, a binary that does not run).
 */
export function ensureRuntime(name: JsRuntimeName, options: { timeoutMs?: number } = {}): Promise<string> {
  const key = `${name} ${process.env.VOXWIRE_CACHE_DIR ?? ""}`;
  let pending = ensured.get(key);
  if (!pending) {
    pending = new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [SCRIPT, name], { encoding: "utf8", timeout: options.timeoutMs ?? 15 * 60_000 }, (error, stdout, stderr) => {
        const reason = stderr
          .split("\n")
          .filter((line) => line.startsWith("ensure-runtime: ") && !line.startsWith("ensure-runtime: installing"))
          .at(-1);
        if (error) reject(new Error(reason?.slice("ensure-runtime: ".length) ?? `scripts/ensure-runtime.mjs ${name} failed: ${error.message}`));
        else resolve(stdout.trim().split("\n").at(-1)!);
      });
    });
    ensured.set(key, pending);
    pending.catch(() => ensured.delete(key)); // a later call tries again
  }
  return pending;
}

/** Why `name` is not available (the reason to skip a test with), or undefined once it is installed. */
export function runtimeUnavailable(name: JsRuntimeName): Promise<string | undefined> {
  return ensureRuntime(name).then(
    () => undefined,
    (error: Error) => `${name} is not available: ${error.message}`,
  );
}
