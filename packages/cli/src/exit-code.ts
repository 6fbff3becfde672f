import type { Tally } from "@voxwire/conformance";
import { EXIT } from "./command.js";

/** The process exit code for a run: 2 for a usage error, 1 when anything failed, else 0. Pure. */
export function exitCodeFor(outcome: "usage" | Tally): number {
  if (outcome === "usage") return EXIT.usage;
  return outcome.failed > 0 ? EXIT.failed : EXIT.ok;
}

/** The last line of every report: `N passed, N failed, N skipped`. */
export function tallyLine(counts: Tally): string {
  return `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}
