import { relative } from "node:path";
import type { ScenarioResult } from "../live/scenario-result.js";
import { checkGoldenFile, type GoldenFileReport, type GoldenSubject } from "./check-golden.js";
import { goldenPaths, goldenRoot, readGolden } from "./read-golden.js";

/** Problems listed in a failed result before "and N more". */
const SHOWN_PROBLEMS = 3;

/**
 * Every golden file of a dialect through `checkGoldenFile`, as one result (the CLI's `golden`
 * row) and the per-file reports. A file that does not parse is a failure naming its line.
 */
export async function checkGoldens(
  subject: GoldenSubject,
  root: string = goldenRoot(),
): Promise<{ result: ScenarioResult; reports: GoldenFileReport[] }> {
  const paths = goldenPaths(subject.name, root);
  const base = { id: "golden", title: "golden frames, both roles" };
  if (paths.length === 0) return { result: { ...base, status: "skipped", detail: `no golden files in ${subject.name}/`, measured: {} }, reports: [] };
  const reports: GoldenFileReport[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    const name = relative(root, path);
    try {
      const report = await checkGoldenFile(readGolden(path), subject);
      reports.push(report);
      problems.push(...report.problems.map((p) => `${name}: ${p}`));
      for (const line of report.lines) problems.push(...line.problems.map((p) => `${name}:${line.lineNo} ${p}`));
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  const lines = reports.reduce((n, r) => n + r.lines.length, 0);
  const mirrored = reports.reduce((n, r) => n + r.lines.filter((l) => l.checks.some((c) => c.startsWith("peer "))).length, 0);
  const measured = { files: paths.length, lines, mirrored };
  const summary = `${lines} lines in ${paths.length} files, ${mirrored} checked on the peer's side too`;
  if (problems.length === 0) return { result: { ...base, status: "passed", detail: summary, measured, summary }, reports };
  const shown = problems.slice(0, SHOWN_PROBLEMS).join("; ");
  const more = problems.length > SHOWN_PROBLEMS ? `; and ${problems.length - SHOWN_PROBLEMS} more` : "";
  return { result: { ...base, status: "failed", detail: `${shown}${more}`, measured, summary }, reports };
}
