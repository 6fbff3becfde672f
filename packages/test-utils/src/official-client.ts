import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";

/** Where a vendor's official client was installed, or why it could not be. */
export type OfficialClient = { readonly dir: string; readonly script: string } | { readonly skip: string };

/**
 * Installs a vendor's published client (`@openai/agents-realtime@0.20.0`, `@google/genai@…`) once
 * per version from the npm registry into the shared cache outside git, with `extra` packages beside
 * it, and copies `fixture` (the script that drives it) in. Returns the reason instead when the
 * registry cannot be reached: the caller skips, saying why.
 */
export function installOfficialClient(spec: { name: string; version: string; extra?: readonly string[]; fixture: string }): OfficialClient {
  const cache = process.env.VOXWIRE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "voxwire");
  const slug = `${spec.name.replace(/^@/, "").replace(/\//g, "-")}-${spec.version}`;
  const dir = join(cache, "clients", slug);
  const installed = (at: string) => existsSync(join(at, "node_modules", spec.name, "package.json"));
  if (!installed(dir)) {
    // The suites under each Node major run beside the main run, and npm installs of one client at
    // once broke each other: one process installs while the others wait for it.
    const lock = `${dir}.lock`;
    const unlock = waitForLock(lock, () => installed(dir));
    try {
      if (!installed(dir)) {
        const failure = install(spec, dir) ?? install(spec, dir);
        if (failure) return { skip: `${spec.name}@${spec.version} could not be installed: ${failure}` };
      }
    } finally {
      unlock();
    }
  }
  const script = join(dir, basename(spec.fixture));
  copyFileSync(spec.fixture, script);
  return { dir, script };
}

const LOCK_STALE_MS = 300_000;

/** Takes the lock directory (mkdir is atomic), waiting while another process holds it and `done()` is false. */
function waitForLock(lock: string, done: () => boolean): () => void {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  // On a fresh machine the cache does not exist yet; without it every mkdir below fails forever.
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock, { recursive: false });
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (done()) return () => {};
      // A holder that died leaves its lock behind: take it over once it is old.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(sleeper, 0, 0, 250);
    }
  }
}

/**
 * What npm needs to reach the registry (the path, home, proxy and CA settings) and nothing else:
 * no vendor key reaches a package's install scripts, and none of the `npm_config_*` a parent
 * npx or pnpm sets (its engine-strict refuses clients that declare a newer Node than the test's).
 */
export function npmEnv(): Record<string, string> {
  const keep =
    /^(PATH|HOME|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|(HTTPS?|NO|ALL)_PROXY|npm_config_(registry|cafile|ca|strict_ssl|https?_proxy|proxy|noproxy))$/i;
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => keep.test(entry[0]) && entry[1] !== undefined));
}

/** One npm install into a staging directory renamed into place; the reason it failed, if it did. */
function install(spec: { name: string; version: string; extra?: readonly string[] }, dir: string): string | undefined {
  const staging = `${dir}.installing-${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  try {
    execFileSync(
      "npm",
      ["install", "--prefix", staging, "--no-audit", "--no-fund", "--prefer-offline", `${spec.name}@${spec.version}`, ...(spec.extra ?? [])],
      { stdio: "pipe", timeout: 180_000, env: npmEnv() },
    );
    // An older layout may have left an empty directory where the install goes.
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return undefined;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "");
    const npmError = stderr.split("\n").find((line) => line.startsWith("npm error") && !line.includes("complete log")) ?? "";
    return `${(error as Error).message.split("\n")[0]}${npmError ? ` (${npmError})` : ""}`;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
