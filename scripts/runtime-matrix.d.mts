// Types for runtime-matrix.mjs (imported by packages/runtimes/test/runtime-table.test.ts).
export interface Outcome {
  status: "passed" | "failed" | "skipped";
  reason?: string;
}
export interface MatrixResults {
  cells: Record<string, Record<string, Outcome>>;
}
/** The parts of a vitest JSON report the table reads. */
export interface VitestReport {
  testResults?: {
    name: string;
    status?: string;
    assertionResults?: { status: string; meta?: { matrix?: { runtime: string; check: string; skipped?: string }[] } }[];
  }[];
  unavailable?: string;
  missing?: boolean;
}
export const RESULTS_FILE: string;
export const README_FILE: string;
export const START_MARKER: string;
export const END_MARKER: string;
export const RUNTIMES: { key: string; label: string }[];
export const CHECKS: { key: string; label: string }[];
export const SUITE_PROJECTS: string[];
export const SUITE_EXCLUDE: string;
export function collect(input: { main: VitestReport; mainColumn: string; suites?: Record<string, VitestReport> }): MatrixResults;
export function render(results: MatrixResults): string;
export function readmeSection(readme: string): string | undefined;
