import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineVoxwireError } from "@voxwire/core";
import { eventFromJson, type WireEvent } from "./golden-event.js";
import { type GoldenHeader, type GoldenLine, goldenHeaderSchema, goldenLineSchemaFor } from "./golden-line.js";

/** A golden file that does not follow the format (conformance/README.md), with its file and line. */
export const GoldenFormatError = defineVoxwireError("GoldenFormatError", "golden_format", { retryable: false });
export type GoldenFormatError = InstanceType<typeof GoldenFormatError>;

/** One line of a golden file, with its number and its events as runtime events. */
export interface GoldenEntry {
  readonly lineNo: number;
  readonly line: GoldenLine;
  readonly events: readonly WireEvent[];
}

export interface GoldenFile {
  /** Where it was read from (or a name given by the caller). */
  readonly path: string;
  /** The scenario: the file name without `.jsonl`. */
  readonly scenario: string;
  readonly header: GoldenHeader;
  readonly entries: readonly GoldenEntry[];
}

/** Parses a golden file's text. A malformed line is a GoldenFormatError naming `path:line` and the first issue. */
export function parseGolden(text: string, path: string): GoldenFile {
  const rows = text
    .split("\n")
    .map((raw, i) => ({ raw: raw.trim(), lineNo: i + 1 }))
    .filter((row) => row.raw !== "");
  const fail = (lineNo: number, why: string) => new GoldenFormatError(`${path}:${lineNo}: ${why}`);
  const json = (row: { raw: string; lineNo: number }): unknown => {
    try {
      return JSON.parse(row.raw);
    } catch {
      throw fail(row.lineNo, "not a JSON line");
    }
  };
  const [first, ...rest] = rows;
  if (!first) throw fail(1, "empty file: the first line must be the header");
  const header = goldenHeaderSchema.safeParse(json(first));
  if (!header.success) throw fail(first.lineNo, `header: ${issue(header.error)}`);
  const entries = rest.map((row): GoldenEntry => {
    const value = json(row);
    const parsed = goldenLineSchemaFor(value).safeParse(value);
    if (!parsed.success) throw fail(row.lineNo, issue(parsed.error));
    const line = parsed.data as GoldenLine;
    const events = ("events" in line ? (line.events ?? []) : []).map((event, i) => {
      const read = eventFromJson(event, line.dir);
      if (!read.ok) throw fail(row.lineNo, `event ${i + 1} (${event.type}): ${read.why}`);
      return read.event;
    });
    return { lineNo: row.lineNo, line, events };
  });
  return { path, scenario: basename(path).replace(/\.jsonl$/, ""), header: header.data, entries };
}

/** Reads and parses one golden file. */
export function readGolden(path: string): GoldenFile {
  return parseGolden(readFileSync(path, "utf8"), path);
}

/** The golden files of a dialect, sorted (none when it has no folder). */
export function goldenPaths(dialect: string, root: string = goldenRoot()): string[] {
  const dir = join(root, dialect);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .map((name) => join(dir, name));
}

/** `conformance/golden`, from the sources (src/golden) or the bundle (dist). */
export function goldenRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const candidate = join(dir, "golden");
    if (existsSync(candidate) && !existsSync(join(candidate, "golden-line.ts"))) return candidate;
    dir = dirname(dir);
  }
  throw new GoldenFormatError("the golden files (conformance/golden) are missing from the package");
}

function issue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  return first ? `${first.path.map(String).join(".") || "line"}: ${first.message}` : "not a golden line";
}
