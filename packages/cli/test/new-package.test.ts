// scripts/new-package.mjs --adapter: the scaffold has the template's files, typechecks against the
// workspace sources, and its subject passes the live conformance scenarios against its own front.
//
// It scaffolds into .voxwire-tmp/ at the repository root: inside the workspace, so tsconfig's
// `extends`, the vitest aliases and vite's file access work as for a real package, but outside
// every workspace glob (packages/*, conformance), so neither pnpm, turbo nor a concurrent vitest
// run sees a half-made package, and gitignored, so a killed run leaves nothing to commit.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ConformanceSubject, runConformance } from "@voxwire/conformance";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const scratch = join(root, ".voxwire-tmp");
mkdirSync(scratch, { recursive: true });
const tmp = mkdtempSync(join(scratch, "scaffold-"));
const dir = join(tmp, "scaffold-probe");

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function scaffold(...args: string[]) {
  return spawnSync(process.execPath, [join(root, "scripts/new-package.mjs"), ...args], { cwd: root, encoding: "utf8" });
}

describe("new-package --adapter", () => {
  it("writes the template's files, and refuses to write over a directory", () => {
    const made = scaffold("--adapter", "scaffold-probe", "--dir", dir);
    expect(made.status, made.stderr).toBe(0);
    for (const file of [
      "package.json",
      "tsconfig.json",
      "tsup.config.ts",
      "vitest.config.ts",
      "README.md",
      "src/index.ts",
      "src/scaffold-probe.ts",
      "src/wire.ts",
      "src/validate.ts",
      "src/client-codec.ts",
      "src/peer-codec.ts",
      "src/close-rules.ts",
      "src/testing/index.ts",
      "src/testing/front.ts",
      "src/testing/subject.ts",
      "src/conformance.test.ts",
    ]) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(pkg.name).toBe("@voxwire/scaffold-probe");
    expect(Object.keys(pkg.exports)).toEqual([".", "./testing", "./package.json"]);
    expect(pkg.dependencies).toEqual({ "@voxwire/core": "workspace:^" });
    expect(pkg.devDependencies["@voxwire/conformance"]).toBe("workspace:^");
    expect(pkg.peerDependenciesMeta["@voxwire/conformance"]).toEqual({ optional: true });
    expect(pkg.repository.url).toBe("git+https://github.com/voxwire/voxwire.git");
    expect(pkg.scripts["check:package"]).toContain("api-report.mjs --check");
    expect(readFileSync(join(dir, "tsup.config.ts"), "utf8")).toContain("libraryOptions(");
    expect(readFileSync(join(dir, "src/conformance.test.ts"), "utf8")).toContain("describeConformance(scaffoldProbeSubject);");

    const again = scaffold("--adapter", "scaffold-probe", "--dir", dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("exists");
    expect(scaffold("--adapter", "Not_A_Name", "--dir", join(tmp, "bad")).status).toBe(2);
  }, 30_000);

  it("typechecks against the workspace sources", () => {
    // tsconfig.dev.json maps @voxwire/* to the sources, so this needs no build or install.
    const config = join(tmp, "tsconfig.check.json");
    writeFileSync(config, JSON.stringify({ extends: join(root, "tsconfig.dev.json"), include: [join(dir, "src")] }));
    const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", config], { encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  }, 120_000);

  it("passes the live scenarios against its own front", async () => {
    const { scaffoldProbeSubject } = (await import(/* @vite-ignore */ join(dir, "src/testing/index.ts"))) as {
      scaffoldProbeSubject: ConformanceSubject;
    };
    const report = await runConformance(scaffoldProbeSubject, { fast: true });
    const byId = Object.fromEntries(report.results.map((r) => [r.id, `${r.status}${r.status === "passed" ? "" : `: ${r.detail}`}`]));
    for (const id of ["bootstrap", "bad-credential", "audio", "close"]) expect(byId[id], id).toBe("passed");
    for (const r of report.results) expect(["passed", "skipped"], `${r.id}: ${r.detail}`).toContain(r.status);
  }, 60_000);
});
