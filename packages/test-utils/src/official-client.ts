import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
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
  if (!existsSync(join(dir, "node_modules", spec.name, "package.json"))) {
    mkdirSync(dir, { recursive: true });
    try {
      execFileSync(
        "npm",
        ["install", "--prefix", dir, "--no-audit", "--no-fund", "--prefer-offline", `${spec.name}@${spec.version}`, ...(spec.extra ?? [])],
        {
          stdio: "pipe",
          timeout: 180_000,
          env: { PATH: process.env.PATH, HOME: process.env.HOME },
        },
      );
    } catch (error) {
      return { skip: `${spec.name}@${spec.version} could not be installed: ${(error as Error).message.split("\n")[0]}` };
    }
  }
  const script = join(dir, basename(spec.fixture));
  copyFileSync(spec.fixture, script);
  return { dir, script };
}
