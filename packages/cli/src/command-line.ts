import { type ParseArgsConfig, parseArgs } from "node:util";
import type { ConformanceSubject } from "@voxwire/conformance";
import { UsageError } from "./command.js";
import { dialectSubject } from "./registry.js";

type OptionSpecs = NonNullable<ParseArgsConfig["options"]>;
type Parsed<O extends OptionSpecs, Positionals extends boolean> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: Positionals; strict: true; options: O }>
>;

/** A thrown error as a UsageError (`main` prints it with the usage and exits 2), without core's `[voxwire] ` prefix. */
export function usageErrorFrom(error: unknown): UsageError {
  return new UsageError((error instanceof Error ? error.message : String(error)).replace(/^\[voxwire\] /, ""));
}

/** Strict `parseArgs` with positionals (a command's dialect); a bad command line is a UsageError. */
export function parseCommandLine<const O extends OptionSpecs>(argv: string[], options: O): Parsed<O, true> {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw usageErrorFrom(error);
  }
}

/** Strict `parseArgs` of options only: a positional is a UsageError too. */
export function parseOptions<const O extends OptionSpecs>(argv: string[], options: O): Parsed<O, false>["values"] {
  try {
    return parseArgs({ args: argv, allowPositionals: false, strict: true, options }).values;
  } catch (error) {
    throw usageErrorFrom(error);
  }
}

/** The value of a whole-number option within [min, max], or undefined when it is absent. */
export function wholeNumber(text: string | undefined, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new UsageError(`${flag} takes a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ""}`);
  return value;
}

/** `--url` as the dialects take it: an http(s) or ws(s) base URL. */
export function endpointUrl(url: string): string {
  if (!/^(https?|wss?):\/\//i.test(url)) throw new UsageError("--url must be an http(s) or ws(s) URL");
  return url;
}

/** The registry entry of a dialect named on the command line. */
export function namedDialect(name: string): ConformanceSubject {
  try {
    return dialectSubject(name);
  } catch (error) {
    throw usageErrorFrom(error);
  }
}
