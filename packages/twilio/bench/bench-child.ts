/*
 * The benchmark's child processes: each piece under test or driving load runs in its own
 * process (on tsx, or plain Node for `.mjs`), talks over IPC, and is killed when the parent
 * exits, so a failed run leaves no driver holding a port.
 *
 *   BENCH_PROFILE=bridge-process.ts   writes a CPU profile of that child (into BENCH_PROFILE_DIR)
 *   BENCH_BRIDGE_FLAGS="--max-semi-space-size=16"   V8/Node flags for bridge-process.ts only
 */
import { type ChildProcess, fork } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** Every child's clock origin (BENCH_ORIGIN_US): frame stamps are microseconds since the parent started. */
const originUs = Number(process.hrtime.bigint() / 1000n);
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const proc of children) proc.kill();
});

export interface BenchChild {
  proc: ChildProcess;
  send(cmd: string, extra?: Record<string, unknown>): void;
  /** The child's next message of this type; rejected if the child exits first. */
  next<T = Record<string, unknown>>(type: string): Promise<T>;
  exited: Promise<void>;
}

/** Forks `file` (in this folder) with `env` on top of the parent's; `execPath` picks another Node. */
export function benchChild(file: string, env: Record<string, string>, options: { execPath?: string; execArgv?: string[] } = {}): BenchChild {
  const profile = process.env.BENCH_PROFILE === file ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR ?? "."}`] : [];
  const flags = file === "bridge-process.ts" && process.env.BENCH_BRIDGE_FLAGS ? process.env.BENCH_BRIDGE_FLAGS.split(" ") : [];
  const proc = fork(join(here, file), [], {
    ...(options.execPath ? { execPath: options.execPath } : {}),
    execArgv: [...(file.endsWith(".mjs") ? [] : ["--import", "tsx"]), ...profile, ...flags, ...(options.execArgv ?? [])],
    env: { ...process.env, ...env, BENCH_ORIGIN_US: String(originUs) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.add(proc);
  const waiting = new Map<string, { resolve: (m: Record<string, unknown>) => void; reject: (e: Error) => void }[]>();
  proc.on("message", (m: Record<string, unknown>) => waiting.get(String(m.type))?.shift()?.resolve(m));
  const exited = new Promise<void>((resolve) =>
    proc.once("exit", (code) => {
      children.delete(proc);
      for (const [type, list] of waiting)
        for (const { reject } of list.splice(0)) reject(new Error(`${file} exited (${code}) while waiting for "${type}"`));
      resolve();
    }),
  );
  return {
    proc,
    send: (cmd, extra = {}) => proc.send({ cmd, ...extra }),
    next: <T>(type: string) =>
      new Promise<T>((resolve, reject) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return reject(new Error(`${file} exited (${proc.exitCode}) before "${type}"`));
        const list = waiting.get(type) ?? [];
        list.push({ resolve: resolve as (m: Record<string, unknown>) => void, reject });
        waiting.set(type, list);
      }),
    exited,
  };
}
