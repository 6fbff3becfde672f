import type { CliIo } from "./command.js";

type Stream = CliIo["stdout"];

/** True when `stream` is a terminal (process streams say so; test doubles do not). */
export function isTerminal(stream: Stream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

/**
 * Colours for a stream: only on a terminal, and never when NO_COLOR is set to anything
 * (https://no-color.org) or TERM is `dumb`.
 */
export function palette(stream: Stream, env: Readonly<Record<string, string | undefined>>) {
  const on = isTerminal(stream) && env.NO_COLOR === undefined && env.TERM !== "dumb";
  const paint = (code: number) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { green: paint(32), red: paint(31), yellow: paint(33), dim: paint(2), bold: paint(1) };
}

export type Palette = ReturnType<typeof palette>;

export interface ProgressLine {
  update(text: string, newScenario: boolean): void;
  done(): void;
}

/**
 * The status line on stderr while scenarios run: one line rewritten in place on a terminal,
 * one line per scenario otherwise (so logs stay readable); nothing with `--quiet`.
 */
export function progressLine(io: CliIo, quiet: boolean): ProgressLine {
  if (quiet) return { update() {}, done() {} };
  const live = isTerminal(io.stderr);
  let shown = false;
  return {
    update(text, newScenario) {
      if (live) {
        io.stderr.write(`\r\u001b[2K${text.slice(0, 100)}`);
        shown = true;
      } else if (newScenario) io.stderr.write(`${text}\n`);
    },
    done() {
      if (live && shown) io.stderr.write("\r\u001b[2K");
      shown = false;
    },
  };
}

/** Runs `work` with a progress line, cleared once it ends (or throws). */
export async function withProgress<T>(io: CliIo, quiet: boolean, work: (progress: ProgressLine) => Promise<T>): Promise<T> {
  const progress = progressLine(io, quiet);
  try {
    return await work(progress);
  } finally {
    progress.done();
  }
}
