// The README's runtime table: it is the rendering of the results the last full test run recorded
// (docs/runtime-matrix.json, both written by scripts/test.mjs through scripts/runtime-matrix.mjs),
// and the results are what the reports say, cell by cell.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CHECKS,
  collect,
  type MatrixResults,
  README_FILE,
  RESULTS_FILE,
  RUNTIMES,
  readmeSection,
  render,
  type VitestReport,
} from "../../../scripts/runtime-matrix.mjs";

const marked = (status: string, runtime: string, check: string, skipped?: string) => ({
  status,
  meta: { matrix: [{ runtime, check, ...(skipped ? { skipped } : {}) }] },
});

describe("the README's runtime table", () => {
  it("is the rendering of the recorded results of the last run", () => {
    const recorded = JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as MatrixResults;
    expect(readmeSection(readFileSync(README_FILE, "utf8"))).toBe(render(recorded));
  });

  it("names only the runtimes and checks it has columns and rows for", () => {
    const recorded = JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as MatrixResults;
    const checks = new Set(CHECKS.map((c) => c.key));
    const runtimes = new Set(RUNTIMES.map((r) => r.key));
    for (const [check, row] of Object.entries(recorded.cells)) {
      expect(checks.has(check), check).toBe(true);
      for (const runtime of Object.keys(row)) expect(runtimes.has(runtime), runtime).toBe(true);
    }
  });
});

describe("collect and render", () => {
  const main: VitestReport = {
    testResults: [
      { name: "/repo/packages/core/src/a.test.ts", status: "passed", assertionResults: [{ status: "passed" }, { status: "passed" }] },
      { name: "/repo/packages/cli/test/b.test.ts", status: "failed", assertionResults: [{ status: "failed" }] }, // not a suite: ignored there
      {
        name: "/repo/packages/runtimes/test/c.test.ts",
        status: "failed",
        assertionResults: [
          marked("passed", "bun", "sessions-global"),
          marked("failed", "deno", "sessions-global"),
          marked("passed", "deno", "sessions-global"),
          marked("skipped", "node20", "sessions-global", "Node 20 has no global WebSocket"),
          marked("skipped", "firefox", "browser-kit", "firefox could not be installed"),
          marked("passed", "chromium", "browser-kit"),
          marked("skipped", "chromium", "browser-kit", "not built"),
        ],
      },
    ],
  };

  it("a cell is failed if any of its tests failed, passed if any passed and none failed, else skipped with the first reason", () => {
    const { cells } = collect({ main, mainColumn: "node20", suites: {} });
    expect(cells["sessions-global"]).toEqual({
      node20: { status: "skipped", reason: "Node 20 has no global WebSocket" },
      bun: { status: "passed" },
      deno: { status: "failed" },
    });
    expect(cells["browser-kit"]).toEqual({
      chromium: { status: "passed" },
      firefox: { status: "skipped", reason: "firefox could not be installed" },
    });
  });

  it("the suites row counts core's, the adapters' and conformance's files; a run that could not start is skipped, one with no report failed", () => {
    const failing: VitestReport = { testResults: [{ name: "/repo/conformance/test/x.test.ts", status: "failed", assertionResults: [] }] };
    const { cells } = collect({
      main,
      mainColumn: "node20",
      suites: { node22: failing, node24: { unavailable: "the npm registry is unreachable" }, node26: { missing: true } },
    });
    expect(cells.suites).toEqual({
      node20: { status: "passed" },
      node22: { status: "failed" }, // a file that did not load
      node24: { status: "skipped", reason: "the npm registry is unreachable" },
    });
  });

  it("renders one row per check and one column per runtime, a skip's reason as a numbered note", () => {
    const table = render(collect({ main, mainColumn: "node20" }));
    const lines = table.trimEnd().split("\n");
    expect(lines[0]).toBe(`| | ${RUNTIMES.map((r) => r.label).join(" | ")} |`);
    const row = lines.find((line) => line.startsWith(`| ${CHECKS.find((c) => c.key === "sessions-global")!.label} |`))!;
    expect(row.split(" | ").slice(1, 6)).toEqual(["skipped (1)", "—", "—", "✓", "✗"]);
    expect(lines.filter((line) => line.startsWith("|"))).toHaveLength(2 + CHECKS.length);
    expect(lines.at(-2)).toBe("(1) Node 20 has no global WebSocket  ");
    expect(lines.at(-1)).toBe("(2) firefox could not be installed");
  });
});
