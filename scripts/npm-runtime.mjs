// The machinery scripts/ensure-node.mjs and scripts/ensure-runtime.mjs share: install one pinned
// npm package (a runtime whose binary ships inside it: node, bun, deno, miniflare's workerd) into
// a cache outside git, verify it, and hand back its folder.
//
// The cache is $VOXWIRE_CACHE_DIR, else $XDG_CACHE_HOME/voxwire, else ~/.cache/voxwire; each
// install gets runtimes/<name>/. Idempotent (a verified folder is reused as is) and safe for
// concurrent callers: one holds a lock while it installs into a staging folder, verifies it, and
// renames the folder into place; the others wait for it. Failures are RuntimeInstallError with
// one line saying why (e.g. the registry is unreachable), so tests can skip with that reason.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const LOCK_STALE_MS = 10 * 60_000;
const INSTALL_TIMEOUT_MS = 10 * 60_000;

export class RuntimeInstallError extends Error {}

export function cacheDir() {
  if (process.env.VOXWIRE_CACHE_DIR) return process.env.VOXWIRE_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "voxwire");
}

/** Runs `bin args` and returns its trimmed stdout, or undefined when it does not run or fails. */
export function outputOf(bin, args) {
  const result = spawnSync(bin, args, { encoding: "utf8", timeout: 30_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Takes `lock` (a folder: mkdir is atomic), breaking one whose holder died or that is too old. */
function acquire(lock, done) {
  for (;;) {
    if (done()) return false;
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "owner"), `${process.pid}`);
      return true;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    let stale = false;
    try {
      const pid = Number(readFileSync(join(lock, "owner"), "utf8"));
      stale = (pid > 0 && !pidAlive(pid)) || Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS;
    } catch {
      // The owner file is not written yet, or the lock was just released: look again.
    }
    if (stale) rmSync(lock, { recursive: true, force: true });
    else sleep(250);
  }
}

const UNREACHABLE = /\b(ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ERR_SOCKET_TIMEOUT)\b/;

/**
 * The environment for npm: the caller's, less the npm_config_* and pnpm_config_* variables a
 * package manager running this script sets (pnpm passes local_prefix, engine_strict,
 * allow_scripts…, which would point npm elsewhere or stop a package's install script),
 * except those saying where and how to reach the registry.
 */
function npmEnv() {
  const keep = /^npm_config_(registry|cache|cafile|ca|strict_ssl|proxy|https_proxy|http_proxy|noproxy|userconfig|globalconfig|offline|fetch_.*)$/i;
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm|pnpm)_config_/i.test(name) && !keep.test(name)) continue;
    if (/^npm_(lifecycle|package|command|execpath|node_execpath)/i.test(name)) continue;
    env[name] = value;
  }
  return { ...env, npm_config_update_notifier: "false" };
}

function install(spec, staging) {
  writeFileSync(join(staging, "package.json"), `${JSON.stringify({ name: "voxwire-runtime", private: true })}\n`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  // The runtimes' install scripts put the platform's binary in place (the `node` package's
  // preinstall runs a nested npm install, which inherits these settings through npm_config_*).
  const args = ["install", spec, "--prefix", staging, "--no-save", "--no-package-lock", "--no-audit", "--no-fund"];
  args.push("--ignore-scripts=false", "--engine-strict=false", "--prefer-offline");
  args.push("--fetch-retries=1", "--fetch-retry-mintimeout=2000", "--fetch-retry-maxtimeout=10000", "--loglevel=error");
  const result = spawnSync(npm, args, { cwd: staging, encoding: "utf8", timeout: INSTALL_TIMEOUT_MS, env: npmEnv() });
  if (result.status === 0) return;
  const output = `${result.stderr ?? ""}\n${result.stdout ?? ""}`;
  const registry =
    spawnSync(npm, ["config", "get", "registry"], { cwd: staging, encoding: "utf8", env: npmEnv() }).stdout?.trim() || "the npm registry";
  if (result.error?.code === "ETIMEDOUT") throw new RuntimeInstallError(`npm install ${spec} took over ${INSTALL_TIMEOUT_MS / 60_000} min`);
  if (result.error) throw new RuntimeInstallError(`could not run npm: ${result.error.message}`);
  const code = UNREACHABLE.exec(output)?.[1];
  if (code) throw new RuntimeInstallError(`the npm registry (${registry}) is unreachable (${code}), so ${spec} cannot be installed`);
  const line = output.split("\n").find((l) => /npm (error|ERR!)/.test(l) && !/A complete log/.test(l)) ?? output.trim().split("\n").at(-1);
  throw new RuntimeInstallError(`npm install ${spec} from ${registry} failed (exit ${result.status}): ${line?.trim()}`);
}

/**
 * Returns the folder `runtimes/<name>` of the cache with `spec` installed in it, installing it
 * first when it is missing or fails `verify(folder)` (which returns why, or undefined when good).
 * `log` says so on stderr under the caller's prefix.
 */
export function ensureInstalled({ name, spec, verify, log }) {
  const runtimes = join(cacheDir(), "runtimes");
  const dir = join(runtimes, name);
  const ready = () => verify(dir) === undefined;
  if (ready()) return dir;
  mkdirSync(runtimes, { recursive: true });
  const lock = `${dir}.lock`;
  if (!acquire(lock, ready)) return dir; // another caller installed it while this one waited
  try {
    if (ready()) return dir;
    rmSync(dir, { recursive: true, force: true }); // a folder that failed verification
    const staging = mkdtempSync(join(runtimes, `.${name}-`));
    chmodSync(staging, 0o755); // mkdtemp makes it 0700
    try {
      log(`installing ${spec} from the npm registry into ${dir}`);
      install(spec, staging);
      const wrong = verify(staging);
      if (wrong) throw new RuntimeInstallError(`${spec} installed, but ${wrong}`);
      renameSync(staging, dir);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  const wrong = verify(dir);
  if (wrong) throw new RuntimeInstallError(`after installing ${spec}, ${wrong}`);
  return dir;
}
