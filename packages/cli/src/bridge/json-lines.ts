import { type Logger, normalizeLogCall } from "@voxwire/core";
import type { BridgeEvent, PhoneCall } from "@voxwire/phone";

/*
 * `voxwire bridge --json`: one JSON object per line, each with its time and, for a call's events,
 * the call's ids, so the lines of concurrent calls can be told apart. Nothing here sees a key:
 * events carry none, and log lines come through the sessions' redacting logger.
 */

/** One bridge event as a JSON line: time, the call's ids ("" before the carrier's start), then the event. */
export function eventLine(event: BridgeEvent, call: PhoneCall | undefined, carrier: string, now: Date = new Date()): string {
  const ids = { carrier: call?.carrier ?? carrier, callId: call?.callId ?? "", streamId: call?.streamId ?? "" };
  return JSON.stringify({ time: now.toISOString(), ...ids, ...plain(event) });
}

const LEVELS = ["debug", "info", "warn", "error"] as const;
type Level = (typeof LEVELS)[number];

/** A logger writing JSON lines (`time`, `level`, `msg`, then the fields), at `minLevel` and above; either calling convention. */
export function jsonLineLogger(write: (line: string) => void, minLevel: Level = "info"): Logger {
  return leveledLogger(minLevel, (level, msg, fields) => write(`${JSON.stringify({ time: new Date().toISOString(), level, ...fields, msg })}\n`));
}

/** A logger writing `voxwire bridge: …` lines (warnings and errors marked), at `minLevel` and above. */
export function textLineLogger(write: (line: string) => void, minLevel: Level = "info"): Logger {
  return leveledLogger(minLevel, (level, msg, fields) => {
    const mark = level === "warn" ? "warning: " : level === "error" ? "error: " : "";
    write(`voxwire bridge: ${mark}${msg}${fields ? ` ${JSON.stringify(fields)}` : ""}\n`);
  });
}

/** The four levels, each dropping calls below `minLevel` and handing the rest on normalized (console's or pino's convention). */
function leveledLogger(minLevel: Level, line: (level: Level, msg: string, fields: ReturnType<typeof normalizeLogCall>[1]) => void): Logger {
  const min = LEVELS.indexOf(minLevel);
  const make =
    (level: Level) =>
    (...args: unknown[]): void => {
      if (LEVELS.indexOf(level) < min) return;
      const [msg, fields] = normalizeLogCall(args);
      line(level, msg, fields);
    };
  return { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") } as Logger;
}

/** The event without the error object (plain JSON). */
function plain(event: BridgeEvent): object {
  if (event.type !== "error") return event;
  const { error: _error, ...rest } = event;
  return rest;
}
