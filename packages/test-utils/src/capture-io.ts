/** The shape of the CLI's `CliIo` (structural: the CLI package exports no types). */
export interface CapturedIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  signal?: AbortSignal;
  env?: Readonly<Record<string, string | undefined>>;
}

/** A CliIo that keeps what a command writes; `tty` makes stdout claim to be a terminal. */
export function captureIo(options: { signal?: AbortSignal; env?: Record<string, string | undefined>; tty?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CapturedIo = {
    stdout: Object.assign({ write: (t: string) => out.push(t) }, options.tty ? { isTTY: true } : {}),
    stderr: { write: (t: string) => err.push(t) },
    env: options.env ?? {},
    ...(options.signal ? { signal: options.signal } : {}),
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}
