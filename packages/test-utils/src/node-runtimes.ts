// Other Node versions for tests: the pinned majors of scripts/node-runtimes.json, installed from
// the npm registry by scripts/ensure-node.mjs (the one implementation; this module runs it).
import { execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("../../../scripts/ensure-node.mjs", import.meta.url));

/** The exact Node version pinned for each major tests can run under, e.g. `{ "22": "22.23.3" }`. */
export const NODE_RUNTIMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(new URL("../../../scripts/node-runtimes.json", import.meta.url), "utf8")) as Record<string, string>).filter(
    ([major]) => /^\d+$/.test(major),
  ),
);

/** Per major and cache folder (a test may point VOXWIRE_CACHE_DIR elsewhere). */
const ensured = new Map<string, Promise<string>>();

/**
 * The path of the pinned Node `major`'s `node` binary, installed into the cache outside git on the
 * first call (seconds with a warm npm cache; a no-op after). Rejects with the script's one-line
 * reason (no pin for that major, the registry unreachable, a binary that does not run).
 */
export function ensureNode(major: number, options: { timeoutMs?: number } = {}): Promise<string> {
  const key = `${major} ${process.env.VOXWIRE_CACHE_DIR ?? ""}`;
  let pending = ensured.get(key);
  if (!pending) {
    pending = new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [SCRIPT, String(major)],
        { encoding: "utf8", timeout: options.timeoutMs ?? 15 * 60_000 },
        (error, stdout, stderr) => {
          const reason = stderr
            .split("\n")
            .filter((line) => line.startsWith("ensure-node: ") && !line.startsWith("ensure-node: installing"))
            .at(-1);
          if (error) reject(new Error(reason?.slice("ensure-node: ".length) ?? `scripts/ensure-node.mjs ${major} failed: ${error.message}`));
          else resolve(stdout.trim().split("\n").at(-1)!);
        },
      );
    });
    ensured.set(key, pending);
    pending.catch(() => ensured.delete(key)); // a later call tries again
  }
  return pending;
}

/** Why Node `major` is not available (the reason to skip a test with), or undefined once it is installed. */
export function nodeUnavailable(major: number): Promise<string | undefined> {
  return ensureNode(major).then(
    () => undefined,
    (error: Error) => `Node ${major} is not available: ${error.message}`,
  );
}

export interface RunUnderNodeOptions {
  /** Killed (SIGKILL) past this; default 30 s. */
  timeoutMs?: number;
  cwd?: string;
  /** Added to the environment (which is otherwise inherited). */
  env?: Record<string, string | undefined>;
  /** Written to the script's stdin, which is then closed. */
  input?: string;
}

export interface RunUnderNodeResult {
  /** The exit code; null when a signal ended it (`signal`), e.g. after the timeout. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs `node scriptPath ...args` under the pinned Node `major` (installing it first when needed). */
export async function runUnderNode(
  major: number,
  scriptPath: string,
  args: readonly string[] = [],
  options: RunUnderNodeOptions = {},
): Promise<RunUnderNodeResult> {
  return runProcess(await ensureNode(major), [scriptPath, ...args], options);
}

/** Runs `bin ...args`, collecting its output; SIGKILLed past `timeoutMs` (default 30 s). */
export function runProcess(bin: string, args: readonly string[], options: RunUnderNodeOptions = {}): Promise<RunUnderNodeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 30_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}
