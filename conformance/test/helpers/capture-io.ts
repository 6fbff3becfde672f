import type { CliIo } from "../../src/cli/command.js";

/** A CliIo that keeps what a command writes; `tty` makes stdout claim to be a terminal. */
export function captureIo(options: { signal?: AbortSignal; env?: Record<string, string | undefined>; tty?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: Object.assign({ write: (t: string) => out.push(t) }, options.tty ? { isTTY: true } : {}),
    stderr: { write: (t: string) => err.push(t) },
    env: options.env ?? {},
    ...(options.signal ? { signal: options.signal } : {}),
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}
