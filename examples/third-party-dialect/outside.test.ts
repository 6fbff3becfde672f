// The proof that a dialect written outside the voxwire repository passes the shared suite with
// nothing but what npm users get. @voxwire/core and @voxwire/conformance are packed as they would
// be published (`pnpm pack`: dist, and `workspace:^` rewritten to a version range); this example is
// copied to a directory outside the workspace whose package.json depends on the two tarballs;
// `npm install` there; then the example's own `tsc` and `vitest run`, which must pass with the
// expected number of tests. Monorepo-only file: it is not copied.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));
const core = join(root, "packages/core");
const conformance = join(root, "conformance");
/** What a user of the example has; the rest of this folder (this file, tsconfig.workspace.json) is the monorepo's. */
const COPIED = ["src", "golden", "README.md", "tsconfig.json", "vitest.config.ts"];

/** Why the packages cannot be packed yet (tests normally run after turbo's build), or undefined. */
function notBuilt(): string | undefined {
  const missing = [join(core, "dist/index.js"), join(conformance, "dist/vitest.js")].filter((file) => !existsSync(file));
  return missing.length > 0
    ? `not built: ${missing.map((f) => f.slice(root.length)).join(", ")} missing (npx pnpm@10 build, or npx pnpm@10 test, which builds first)`
    : undefined;
}

/** The exact version the workspace resolves for a package, as seen from `from` (a package directory). */
function installedVersion(from: string, name: string): string {
  const require = createRequire(join(from, "package.json"));
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version;
}

/** The child's environment: the caller's, without what vitest and pnpm add (a nested vitest or npm must not read them). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(npm_|pnpm_|VITEST|TEST$|NODE_ENV$)/i.test(key)) env[key] = value;
  return env;
}

interface Run {
  readonly ok: boolean;
  readonly output: string;
  readonly seconds: number;
}

/** Runs a command to its end (never rejects): whether it exited 0, its stdout and stderr, how long it took. */
function run(command: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: cleanEnv(), timeout: timeoutMs, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const why = error?.killed ? `\n(killed after ${timeoutMs} ms)` : error && !stderr ? `\n${error.message}` : "";
      resolve({ ok: !error, output: `${stdout}\n${stderr}${why}`, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** The first line that says something, for a skip's reason. */
function firstLine(output: string): string {
  return output.split("\n").find((line) => line.trim() !== "" && line.trim() !== "npm error") ?? "no output";
}

/** npm's words for "the registry cannot be reached": then the proof is skipped, not failed. */
const OFFLINE = /E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH)|network request|request to \S+ failed/i;

interface VitestReport {
  success: boolean;
  numFailedTests: number;
  testResults: { assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[];
}

describe("the third-party example, outside the workspace", () => {
  const skip = notBuilt();
  const tmp = skip ? undefined : mkdtempSync(join(tmpdir(), "voxwire-third-party-"));
  // Removing an installed node_modules takes a while on a loaded machine.
  afterAll(() => {
    if (tmp && !process.env.VOXWIRE_KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
  }, 60_000);

  it.skipIf(skip !== undefined)(
    `installs from packed tarballs and passes its own typecheck and conformance suite${skip ? ` (skipped: ${skip})` : ""}`,
    async (context) => {
      const dir = tmp!;
      expect(realpathSync(dir).startsWith(realpathSync(root)), `${dir} must be outside the workspace`).toBe(false);
      const times: string[] = [];

      // 0. Without the registry nothing can be installed: skip, saying so (npm would otherwise retry for minutes).
      const ping = await run("npm", ["ping", "--fetch-retries=0", "--fetch-timeout=10000", "--loglevel=error"], dir, 30_000);
      if (!ping.ok) return context.skip(`npm cannot reach the registry: ${firstLine(ping.output)}`);

      // 1. Pack the two packages as they would be published.
      const tarballs = join(dir, "tarballs");
      for (const pkg of [core, conformance]) {
        const packed = await run("npx", ["--yes", "pnpm@10", "pack", "--pack-destination", tarballs], pkg, 60_000);
        if (!packed.ok && OFFLINE.test(packed.output)) return context.skip(`pnpm could not be fetched: ${firstLine(packed.output)}`);
        expect(packed.ok, `pnpm pack in ${pkg}:\n${packed.output}`).toBe(true);
        times.push(`pack ${pkg.slice(root.length)} ${packed.seconds.toFixed(1)} s`);
      }
      const tarball = (prefix: string) => `file:${join(tarballs, readdirSync(tarballs).find((f) => f.startsWith(prefix))!)}`;

      // 2. The example as its own package: its files, and its package.json with the tarballs and the workspace's versions.
      const app = join(dir, "echo-json");
      for (const entry of COPIED) cpSync(join(here, entry), join(app, entry), { recursive: true });
      const manifest = JSON.parse(readFileSync(join(here, "package.json"), "utf8")) as Record<string, unknown>;
      const workspace = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
      const dev = workspace.devDependencies;
      manifest.dependencies = { "@voxwire/core": tarball("voxwire-core-"), "@voxwire/conformance": tarball("voxwire-conformance-") };
      manifest.devDependencies = {
        vitest: dev.vitest,
        "fast-check": dev["fast-check"],
        typescript: dev.typescript,
        "@types/node": dev["@types/node"],
        // conformance's own dependencies, pinned to what the workspace tests with
        ws: installedVersion(conformance, "ws"),
        zod: installedVersion(conformance, "zod"),
      };
      writeFileSync(join(app, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);

      // 3. npm install, as a user would (the registry for everything but the two tarballs).
      const install = await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], app, 100_000);
      if (!install.ok && OFFLINE.test(install.output)) return context.skip(`npm cannot reach the registry: ${firstLine(install.output)}`);
      expect(install.ok, `npm install:\n${install.output}`).toBe(true);
      times.push(`npm install ${install.seconds.toFixed(1)} s`);

      // 4. Its sources typecheck against the published declarations (dist/*.d.ts), NodeNext resolution.
      const tsc = await run(join(app, "node_modules/.bin/tsc"), ["--noEmit", "-p", "."], app, 60_000);
      expect(tsc.ok, `tsc:\n${tsc.output}`).toBe(true);
      times.push(`tsc ${tsc.seconds.toFixed(1)} s`);

      // 5. Its own vitest: the shared suite from @voxwire/conformance/vitest, on the installed packages.
      const report = join(dir, "report.json");
      const vitest = await run(join(app, "node_modules/.bin/vitest"), ["run", "--reporter=json", `--outputFile=${report}`], app, 60_000);
      times.push(`vitest ${vitest.seconds.toFixed(1)} s`);
      expect(existsSync(report), `vitest wrote no report:\n${vitest.output}`).toBe(true);
      const results = (JSON.parse(readFileSync(report, "utf8")) as VitestReport).testResults.flatMap((file) => file.assertionResults);
      const failed = results.filter((r) => r.status === "failed").map((r) => `${r.ancestorTitles.join(" > ")} > ${r.title}`);
      expect(failed, vitest.output).toEqual([]);
      expect(vitest.ok, vitest.output).toBe(true);

      // The expected tests: one per golden file, the three never-throws properties, and the live
      // scenarios (six run; agent state, DTMF and transfer, and spec v2's tool calls, text in,
      // truncation, keepalive and session configuration are skipped by Echo JSON's capabilities).
      const count = (group: string, status: string) => results.filter((r) => r.ancestorTitles.includes(group) && r.status === status).length;
      const goldens = readdirSync(join(here, "golden")).filter((f) => f.endsWith(".jsonl")).length;
      expect({
        golden: count("golden frames", "passed"),
        fuzz: count("decoding never throws", "passed"),
        live: count("live scenarios (built-in simulator)", "passed"),
        liveSkipped: count("live scenarios (built-in simulator)", "skipped"),
        total: results.length,
      }).toEqual({ golden: goldens, fuzz: 3, live: 6, liveSkipped: 8, total: goldens + 3 + 6 + 8 });
      console.log(`third-party example outside the workspace (${dir}): ${times.join(", ")}`);
    },
    180_000,
  );
});
