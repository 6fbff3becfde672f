import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { basename, join } from "node:path";

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
    // Into a directory of its own, then renamed into place: the suites under each Node major run
    // beside the main run, and two installs into one prefix break each other.
    const staging = `${dir}.installing-${process.pid}-${Date.now()}`;
    mkdirSync(staging, { recursive: true });
    try {
      execFileSync(
        "npm",
        ["install", "--prefix", staging, "--no-audit", "--no-fund", "--prefer-offline", `${spec.name}@${spec.version}`, ...(spec.extra ?? [])],
        {
          stdio: "pipe",
          timeout: 180_000,
          env: { PATH: process.env.PATH, HOME: process.env.HOME },
        },
      );
      try {
        renameSync(staging, dir);
      } catch (error) {
        // Another run put its install there first (or left an empty directory from an older layout).
        if (!installed(dir)) {
          rmSync(dir, { recursive: true, force: true });
          renameSync(staging, dir);
        } else if (!(error instanceof Error && /ENOTEMPTY|EEXIST/.test(error.message))) throw error;
      }
    } catch (error) {
      const stderr =
        String((error as { stderr?: unknown }).stderr ?? "")
          .trim()
          .split("\n")
          .at(-1) ?? "";
      return {
        skip: `${spec.name}@${spec.version} could not be installed: ${(error as Error).message.split("\n")[0]}${stderr ? ` (${stderr})` : ""}`,
      };
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  const script = join(dir, basename(spec.fixture));
  copyFileSync(spec.fixture, script);
  return { dir, script };
}
