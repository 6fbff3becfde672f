// What the CLI and the simulator print names the vendor documents as docs/sources.md does
// ("Omni browser guide", …), never by the project's internal seed numbers.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

describe("user-facing text names documents as docs/sources.md does", () => {
  it("no internal seed numbers in the CLI's or the simulator's strings", () => {
    const roots = ["../src", "../../../conformance/src"].map((p) => fileURLToPath(new URL(p, import.meta.url)));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
          readFileSync(path, "utf8")
            .split("\n")
            .forEach((text, i) => {
              // A string literal (or template) that says "seed": a comment may cite the old numbers.
              if (/["'`][^"'`]*\bseeds?\b[^"'`]*["'`]/i.test(text) && !/^\s*(\/\/|\*)/.test(text)) offenders.push(`${path}:${i + 1}: ${text.trim()}`);
            });
        }
      }
    };
    for (const root of roots) walk(root);
    expect(offenders).toEqual([]);
  });
});
