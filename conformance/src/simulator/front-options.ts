import { ConfigError } from "@voxwire/core";

/** How one vendor-front option is read from text (`voxwire simulate --front-option name=value`). */
export interface FrontOptionSpec {
  readonly type: "number" | "boolean" | "string";
  /** The only values allowed, when the option is a choice. */
  readonly values?: readonly (string | number)[];
  /** One line for `voxwire simulate --help`. */
  readonly summary: string;
}

export type FrontOptionValue = string | number | boolean;
/** Front options by name, already typed by their specs. */
export type FrontOptions = Readonly<Record<string, FrontOptionValue>>;

/**
 * Reads `name=value` pairs against a front's declared options, so the CLI needs no per-dialect
 * code: an unknown name, a missing `=`, a non-number or a value outside `values` is a ConfigError
 * naming what is accepted. `name` alone means `true` for a boolean.
 */
export function parseFrontOptions(dialect: string, specs: Readonly<Record<string, FrontOptionSpec>>, pairs: readonly string[]): FrontOptions {
  const out: Record<string, FrontOptionValue> = {};
  const known = Object.keys(specs);
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    const name = at < 0 ? pair : pair.slice(0, at);
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) {
      const accepted = known.length > 0 ? `it takes: ${known.join(", ")}` : "it takes none";
      throw new ConfigError(`the ${dialect} simulator has no front option "${name}"; ${accepted}`);
    }
    out[name] = readValue(name, spec, at < 0 ? undefined : pair.slice(at + 1));
  }
  return out;
}

function readValue(name: string, spec: FrontOptionSpec, text: string | undefined): FrontOptionValue {
  if (text === undefined) {
    if (spec.type === "boolean") return true;
    throw new ConfigError(`front option ${name} needs a value: ${name}=…`);
  }
  let value: FrontOptionValue;
  if (spec.type === "number") {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new ConfigError(`front option ${name} takes a number, got "${text}"`);
    value = Number(text);
  } else if (spec.type === "boolean") {
    if (text !== "true" && text !== "false") throw new ConfigError(`front option ${name} takes true or false, got "${text}"`);
    value = text === "true";
  } else {
    value = text;
  }
  if (spec.values && !spec.values.includes(value as string | number)) {
    throw new ConfigError(`front option ${name} takes one of ${spec.values.join(", ")}, got "${text}"`);
  }
  return value;
}

/** `name=value` help lines for a front's options. */
export function describeFrontOptions(specs: Readonly<Record<string, FrontOptionSpec>>): string[] {
  return Object.entries(specs).map(([name, spec]) => {
    const shape = spec.values ? spec.values.join("|") : spec.type === "boolean" ? "true|false" : spec.type === "number" ? "N" : "TEXT";
    return `${name}=${shape}: ${spec.summary}`;
  });
}
