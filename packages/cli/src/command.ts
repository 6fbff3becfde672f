/** Where a command writes, and (for long-running commands) what stops it. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Stops a long-running command (`simulate`) as SIGINT/SIGTERM do. */
  signal?: AbortSignal;
  /** Where `--key-stdin` reads the key; default `process.stdin`. */
  stdin?: NodeJS.ReadableStream;
  /** The environment (NO_COLOR, VOXWIRE_KEY); default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** One subcommand, in its own file in `commands/`. */
export interface CliCommand {
  readonly name: string;
  /** One line for `voxwire --help`. */
  readonly summary: string;
  /** Full usage text for `voxwire <name> --help`. */
  readonly usage: string;
  /** Runs with the arguments after the command name; resolves with the exit code (EXIT). */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Exit codes: 0 success, 1 a failure, 2 a usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A bad command line: `main` prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
