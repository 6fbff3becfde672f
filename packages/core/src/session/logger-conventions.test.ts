// The namespaced logger takes console's and pino's calling conventions, and calls a pino sink in pino's.
import { describe, expect, it } from "vitest";
import { type Logger, normalizeLogCall, scopedLogger } from "./logger.js";

const SECRET = "sk_live_0123456789abcdef";
const redact = (text: string) => text.split(SECRET).join("[redacted]");

function recording(pino: boolean) {
  const calls: unknown[][] = [];
  const method = (...args: unknown[]) => void calls.push(args);
  const sink = { debug: method, info: method, warn: method, error: method, ...(pino ? { bindings: () => ({}) } : {}) };
  return { calls, sink: sink as unknown as Logger };
}

describe("scopedLogger: calling conventions", () => {
  it("takes (message, fields), (message, ...args) and pino's (fields, message) alike", () => {
    expect(normalizeLogCall(["ready", { callId: "C1" }])).toEqual(["ready", { callId: "C1" }]);
    expect(normalizeLogCall(["took", 12, "ms"])).toEqual(["took 12 ms", undefined]);
    expect(normalizeLogCall([{ callId: "C1" }, "ready"])).toEqual(["ready", { callId: "C1" }]);
    expect(normalizeLogCall([{ callId: "C1" }])).toEqual(["", { callId: "C1" }]);
  });

  it("a console-style sink gets (line, fields); a pino sink gets (fields, line); both redacted", () => {
    const consoleSink = recording(false);
    const pinoSink = recording(true);
    for (const { sink } of [consoleSink, pinoSink]) {
      const log = scopedLogger(sink, "twilio", redact) as unknown as { info: (...args: unknown[]) => void };
      log.info({ key: SECRET, callId: "C1" }, `opened with ${SECRET}`);
      log.info(`closed ${SECRET}`, { code: 1000 });
    }
    expect(consoleSink.calls).toEqual([
      ["voxwire:twilio opened with [redacted]", { key: "[redacted]", callId: "C1" }],
      ["voxwire:twilio closed [redacted]", { code: 1000 }],
    ]);
    expect(pinoSink.calls).toEqual([
      [{ key: "[redacted]", callId: "C1" }, "voxwire:twilio opened with [redacted]"],
      [{ code: 1000 }, "voxwire:twilio closed [redacted]"],
    ]);
  });
});
