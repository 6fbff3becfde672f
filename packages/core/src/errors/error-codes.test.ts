import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as errors from "./index.js";
import { isVoxwireErrorCode, VOXWIRE_ERROR_CODES, VoxwireError, type VoxwireErrorClass } from "./index.js";

/** One row of the error-code table in docs/event-model.md. */
interface DocRow {
  code: string;
  className: string | undefined;
  retryable: string;
  fatal: string;
}

/** The rows of the table under `## Error codes`: each row's first cell is a backticked code. */
function documentedCodes(): DocRow[] {
  const markdown = readFileSync(new URL("../../../../docs/event-model.md", import.meta.url), "utf8");
  const section = markdown.split(/^## Error codes$/m)[1]?.split(/^## /m)[0] ?? "";
  const rows: DocRow[] = [];
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((cell) => cell.trim());
    const code = /^`([a-z0-9_]+)`$/.exec(cells[1] ?? "")?.[1];
    if (code === undefined) continue;
    rows.push({ code, className: /^`(\w+)`/.exec(cells[2] ?? "")?.[1], retryable: cells[3] ?? "", fatal: cells[4] ?? "" });
  }
  return rows;
}

describe("VOXWIRE_ERROR_CODES", () => {
  const rows = documentedCodes();

  it("docs/event-model.md lists exactly these codes, once each", () => {
    const codes = rows.map((row) => row.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...VOXWIRE_ERROR_CODES].sort());
  });

  it("the list has no duplicates", () => {
    expect(new Set(VOXWIRE_ERROR_CODES).size).toBe(VOXWIRE_ERROR_CODES.length);
  });

  it("the doc's class, retryable and fatal columns match core's classes", () => {
    const exported = errors as unknown as Record<string, unknown>;
    let checked = 0;
    for (const row of rows) {
      const cls = row.className === undefined ? undefined : exported[row.className];
      if (typeof cls !== "function") continue; // a class of another package, or none
      const error =
        cls === VoxwireError
          ? new VoxwireError("x", { code: row.code })
          : cls === errors.BootstrapError
            ? new errors.BootstrapError("x", 400, "")
            : new (cls as VoxwireErrorClass)("x");
      expect(error.code, row.code).toBe(row.code);
      if (row.retryable === "yes" || row.retryable === "no") expect(error.retryable, `${row.code} retryable`).toBe(row.retryable === "yes");
      expect(error.fatal, `${row.code} fatal`).toBe(row.fatal === "yes");
      checked++;
    }
    expect(checked).toBe(17); // core's sixteen classes and the bare VoxwireError of `dialect_error`
  });

  it("isVoxwireErrorCode narrows to the listed codes only", () => {
    for (const code of VOXWIRE_ERROR_CODES) expect(isVoxwireErrorCode(code)).toBe(true);
    expect(isVoxwireErrorCode("some_vendor_code")).toBe(false);
    expect(isVoxwireErrorCode("")).toBe(false);
  });
});
