// Marks a test as one cell of the README's runtime table (scripts/runtime-matrix.mjs reads the
// marks from vitest's JSON report and renders the table). A cell's tests all passing is ✓; any
// failing is ✗; all skipped shows the reason given here.
import type { TestContext } from "vitest";

/** The table's columns: where code runs. `node<major>` for every Node. */
export type MatrixRuntime = `node${number}` | "bun" | "deno" | "workerd" | "chromium" | "firefox";

/** The table's rows: what is tested there (scripts/runtime-matrix.mjs names each). */
export type MatrixCheck =
  | "sessions-ws"
  | "sessions-global"
  | "sessions-fetch-upgrade"
  | "refused-upgrade"
  | "wasm-resampler"
  | "detect-runtime"
  | "browser-kit";

export interface MatrixMark {
  runtime: MatrixRuntime;
  check: MatrixCheck;
  /** Set by skipCell: why the cell was not tested. */
  skipped?: string;
}

declare module "vitest" {
  interface TaskMeta {
    matrix?: MatrixMark[];
  }
}

/** This test covers `check` on `runtime` (a test may cover several cells). */
export function matrixCell(ctx: TestContext, runtime: MatrixRuntime, ...checks: MatrixCheck[]): void {
  ctx.task.meta.matrix = [...(ctx.task.meta.matrix ?? []), ...checks.map((check) => ({ runtime, check }))];
}

/** Skips the test, recording `reason` on each of its cells for the table. */
export function skipCells(ctx: TestContext, reason: string): never {
  ctx.task.meta.matrix = (ctx.task.meta.matrix ?? []).map((mark) => ({ ...mark, skipped: reason }));
  return ctx.skip(reason);
}

/** `node20`, `node22`, … for a version string like `20.20.2` or `v22.23.3`. */
export function nodeColumn(version: string): MatrixRuntime {
  return `node${Number.parseInt(version.replace(/^v/, ""), 10)}`;
}
