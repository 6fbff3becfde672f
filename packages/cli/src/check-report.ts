import type { DialectReport, ScenarioResult, ScenarioStatus } from "@voxwire/conformance";
import type { Palette } from "./terminal.js";

const WORD: Readonly<Record<ScenarioStatus, string>> = { passed: "PASS", failed: "FAIL", skipped: "skip" };

/**
 * The human report: per dialect a heading, then one row per scenario: its status, its id, and
 * what was measured (a failure or skip says why instead).
 */
export function renderReports(reports: readonly DialectReport[], colors: Palette): string {
  const width = Math.max(...reports.flatMap((r) => r.results.map((s) => s.id.length)), 8);
  const blocks = reports.map((report) => {
    const how = report.target.startsWith("built-in") ? `${report.target}, ${report.fast ? "fast (no pacing)" : "real time"}` : report.target;
    const rows = report.results.map((result) => row(result, width, colors));
    return [`${colors.bold(report.dialect)}  ${colors.dim(how)}`, ...rows].join("\n");
  });
  return `${blocks.join("\n\n")}\n`;
}

function row(result: ScenarioResult, width: number, colors: Palette): string {
  const paint = result.status === "passed" ? colors.green : result.status === "failed" ? colors.red : colors.yellow;
  const text = result.status === "passed" ? (result.summary ?? result.detail) : result.detail;
  return `  ${paint(WORD[result.status])}  ${result.id.padEnd(width)}  ${result.status === "skipped" ? colors.dim(text) : text}`;
}
