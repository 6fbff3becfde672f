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

/**
 * A `parseArgs` error as a UsageError in the CLI's words: `unknown option --frob`, `--url needs a
 * value`, `--fast takes no value`, `unexpected argument x`. Node's own messages quote the
 * option unevenly and explain `--`; anything not recognised passes through as it is.
 */
export function parseArgsError(error: unknown): UsageError {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  // "Option '-k, --key <value>' argument missing": the long form, else the short one.
  const flag = /--[^\s,<>']+/.exec(quoted)?.[0] ?? /-[^\s,<>']/.exec(quoted)?.[0] ?? quoted;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return new UsageError(`unknown option ${flag}`);
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return new UsageError(`unexpected argument ${quoted}`);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (/does not take an argument/.test(message)) return new UsageError(`${flag} takes no value`);
    return new UsageError(`${flag} needs a value`);
  }
  return usageErrorFrom(error);
}

/** Strict `parseArgs` with positionals (a command's dialect); a bad command line is a UsageError. */
export function parseCommandLine<const O extends OptionSpecs>(argv: string[], options: O): Parsed<O, true> {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw parseArgsError(error);
  }
}

/** Strict `parseArgs` of options only: a positional is a UsageError too. */
export function parseOptions<const O extends OptionSpecs>(argv: string[], options: O): Parsed<O, false>["values"] {
  try {
    return parseArgs({ args: argv, allowPositionals: false, strict: true, options }).values;
  } catch (error) {
    throw parseArgsError(error);
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
