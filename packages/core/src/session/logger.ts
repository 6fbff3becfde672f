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

/**
 * Wraps a logger so every line is prefixed with `voxwire:<namespace>` and redacted, fields
 * included (serialized, redacted, and parsed back so the sink still gets an object).
 */
export function scopedLogger(base: Logger, namespace: string, redactText: (text: string) => string): Logger {
  const make =
    (level: Level) =>
    (message: string, fields?: Record<string, unknown>): void => {
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
      base[level](line, safe);
    };
  return { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") };
}
