/** A log sink. Every line reaching it has been redacted. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = keyof Logger;
const LEVELS: readonly Level[] = ["debug", "info", "warn", "error"];

/** The default: nothing is logged. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A logger writing `voxwire:<namespace> message {fields}` to the console, at `minLevel` and above. */
export function consoleLogger(minLevel: Level = "info"): Logger {
  const min = LEVELS.indexOf(minLevel);
  const make =
    (level: Level) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (LEVELS.indexOf(level) < min) return;
      const sink = level === "debug" ? console.debug : console[level];
      if (fields && Object.keys(fields).length > 0) sink(message, fields);
      else sink(message);
    };
  return { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") };
}

/** A pino-style sink takes `(fields, message)`: pino loggers are told apart by their `bindings()`. */
function takesFieldsFirst(base: Logger): boolean {
  return typeof (base as unknown as { bindings?: unknown }).bindings === "function";
}

/**
 * One call in either convention, as `[message, fields]`: console's `(message, ...args)` (a plain
 * object among the args is the fields, anything else joins the message) or pino's
 * `(fields, message, ...args)`.
 */
export function normalizeLogCall(args: readonly unknown[]): [string, Record<string, unknown> | undefined] {
  const [first, ...rest] = args;
  const isFields = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Error);
  if (isFields(first)) {
    const text = rest.map(logText).join(" ");
    return [text, first];
  }
  let fields: Record<string, unknown> | undefined;
  const words = [logText(first)];
  for (const arg of rest) {
    if (fields === undefined && isFields(arg)) fields = arg;
    else words.push(logText(arg));
  }
  return [words.join(" "), fields];
}

function logText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return value.message;
  if (value === undefined) return "";
  try {
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  } catch {
    return "[unserializable]";
  }
}

/**
 * Wraps a logger so every line is prefixed with `voxwire:<namespace>` and redacted, fields
 * included (serialized, redacted, and parsed back so the sink still gets an object). It takes
 * console's calling convention (`log.info(message, fields)`, `log.info(message, ...args)`) and
 * pino's (`log.info(fields, message)`), and calls the sink in its own: a pino logger as
 * `(fields, message)`, any other as `(message, fields)`.
 */
export function scopedLogger(base: Logger, namespace: string, redactText: (text: string) => string): Logger {
  const fieldsFirst = takesFieldsFirst(base);
  const make =
    (level: Level) =>
    (...args: unknown[]): void => {
      const [message, fields] = normalizeLogCall(args);
      const line = `voxwire:${namespace} ${redactText(message)}`;
      if (!fields) {
        base[level](line);
        return;
      }
      let safe: Record<string, unknown>;
      try {
        safe = JSON.parse(redactText(JSON.stringify(fields))) as Record<string, unknown>;
      } catch {
        safe = { fields: "[unserializable]" };
      }
      if (fieldsFirst) (base[level] as unknown as (fields: Record<string, unknown>, message: string) => void)(safe, line);
      else base[level](line, safe);
    };
  return { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") } as Logger;
}
