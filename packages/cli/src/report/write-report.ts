import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { DialectReport, Tally } from "@voxwire/conformance";
import type { CliIo } from "../command.js";
import { renderCheckReport } from "./render.js";

export interface WriteReportOptions {
  readonly io: CliIo;
  readonly quiet: boolean;
  /** The run's key, kept out of the page whatever it turns up in. */
  readonly secrets?: readonly (string | undefined)[];
  /** When the run ended (tests fix it). */
  readonly now?: Date;
}

/** `voxwire check --report FILE`: writes the HTML report and says where on stderr (unless quiet). */
export async function writeCheckReport(file: string, reports: readonly DialectReport[], summary: Tally, options: WriteReportOptions): Promise<void> {
  const page = renderCheckReport(reports, {
    generatedAt: (options.now ?? new Date()).toISOString(),
    summary,
    ...(options.secrets ? { secrets: options.secrets } : {}),
  });
  const path = resolve(file);
  try {
    await writeFile(path, page, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new Error(`could not write the report to ${path}${code ? ` (${code})` : ""}`);
  }
  if (!options.quiet) options.io.stderr.write(`report: ${path}\n`);
}
