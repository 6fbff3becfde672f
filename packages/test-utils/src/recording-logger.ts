import type { Logger } from "@voxwire/core";

/** A logger that keeps every line (message and fields) in `lines`, for tests that look for secrets in them. */
export function recordingLogger(lines: string[]): Logger {
  const log = (message: string, fields?: Record<string, unknown>) => lines.push(message + (fields ? JSON.stringify(fields) : ""));
  return { debug: log, info: log, warn: log, error: log };
}
