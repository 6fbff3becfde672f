// scripts/api-report.mjs on a made-up package: what a report lists, and that --check fails with a
// diff on a stale report and on a report for an entry that is gone. (The real reports are checked
// by each package's check:package, after its build.)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
mkdirSync(join(root, ".voxwire-tmp"), { recursive: true });
const dir = mkdtempSync(join(root, ".voxwire-tmp", "api-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [join(root, "scripts/api-report.mjs"), ...args, dir], { encoding: "utf8" });
const file = (path: string, text: string) => {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  writeFileSync(join(dir, path), text);
};

describe("api-report", () => {
  it("lists every export, follows the bundle's chunks, not other packages", () => {
    const types = (base: string) => ({ import: { types: `./dist/${base}.d.ts` } });
    file("package.json", JSON.stringify({ name: "@voxwire/fixture", exports: { ".": types("index"), "./testing": types("testing/index") } }));
    file("dist/chunk-Ab12Cd34.d.ts", "interface Hidden { n: number }\ninterface Shared { h: Hidden }\nexport type { Shared as S };\n");
    file(
      "dist/index.d.ts",
      [
        'import { S as Shared } from "./chunk-Ab12Cd34.js";',
        'export { Session } from "@voxwire/core";',
        'export * from "@voxwire/conformance";',
        "/** Comments are not part of the surface. */",
        "declare function make(options: Options): Shared;",
        "interface Options { rate: 8000 | 16000 }",
        'declare const NAME = "fixture";',
        "export { NAME, Shared, make as create };",
      ].join("\n"),
    );
    file("dist/testing/index.d.ts", "declare const subject: { name: string };\nexport { subject };\n");
    const made = run();
    expect(made.status, made.stderr).toBe(0);
    const index = readFileSync(join(dir, "api/index.api.md"), "utf8");
    expect(index).toContain("# `@voxwire/fixture`");
    expect(index).toContain("## Exports (4)");
    expect(index).toContain("- `Session` — re-exported from `@voxwire/core`");
    expect(index).toContain('- everything `@voxwire/conformance` exports — `export * from "@voxwire/conformance"`');
    expect(index).toContain("### `create` — function (declared as `make`)\n\n```ts\nfunction make(options: Options): Shared;\n```");
    expect(index).toContain('### `NAME` — const\n\n```ts\nconst NAME = "fixture";\n```');
    expect(index).toMatch(/### `Shared` — interface\n\n```ts\ninterface Shared \{\n\s+h: Hidden;\n\}/);
    expect(index).toContain("## Referenced but not exported (2)");
    expect(index).toContain("### `Hidden` — interface");
    expect(index).toContain("### `Options` — interface");
    expect(index).not.toContain("Comments are not");
    expect(index).not.toContain("Ab12Cd34");
    expect(readFileSync(join(dir, "api/testing.api.md"), "utf8")).toContain("# `@voxwire/fixture/testing`");
    expect(run("--check").status).toBe(0);
  }, 30_000);

  it("--check fails with a diff when a report is stale or orphaned, and writes nothing", () => {
    file("dist/testing/index.d.ts", "declare const subject: { name: string; rate: number };\nexport { subject };\n");
    file("api/old.api.md", "# gone\n");
    const check = run("--check");
    expect(check.status).toBe(1);
    expect(check.stderr).toContain("api/testing.api.md is stale");
    expect(check.stderr).toMatch(/^\+\s+rate: number;$/m);
    expect(check.stderr).toContain("api/old.api.md describes an entry the package no longer exports");
    expect(check.stderr).toContain("run `npx pnpm@10 api`");
    expect(readFileSync(join(dir, "api/testing.api.md"), "utf8")).not.toContain("rate: number");
    expect(run().status).toBe(0);
    expect(run("--check").status).toBe(0);
  }, 30_000);
});
