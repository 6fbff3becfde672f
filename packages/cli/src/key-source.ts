import { type CliIo, UsageError } from "./command.js";

/** The environment variable every keyed command reads its key from. */
export const KEY_ENV = "VOXWIRE_KEY";

/** The options a keyed command declares: `--key K` (visible in `ps`) and `--key-stdin`. */
export const KEY_OPTIONS = {
  key: { type: "string" },
  "key-stdin": { type: "boolean" },
} as const;

/** Where a key came from; `argv` prints the warning. */
export type KeySource = "argv" | "stdin" | "env";

export interface ResolvedKey {
  key: string;
  source: KeySource;
}

/**
 * The key for a command: `--key K` (with a one-line warning on stderr: the command line is
 * visible to other users), `--key-stdin` (one line read from standard input), else the first
 * of `envNames` that is set. Undefined when none gives one.
 */
export async function resolveKey(
  command: string,
  values: { key?: string | undefined; "key-stdin"?: boolean | undefined },
  io: CliIo,
  envNames: readonly string[] = [KEY_ENV],
): Promise<ResolvedKey | undefined> {
  if (values.key !== undefined && values["key-stdin"]) throw new UsageError("give the key one way: --key or --key-stdin");
  if (values.key !== undefined) {
    if (values.key === "") throw new UsageError("--key is empty");
    io.stderr.write(
      `voxwire ${command}: warning: a key on the command line is visible to other users (ps, shell history); use $${KEY_ENV} or --key-stdin\n`,
    );
    return { key: values.key, source: "argv" };
  }
  if (values["key-stdin"]) {
    const key = (await readLine(io.stdin ?? process.stdin)).trim();
    if (key === "") throw new UsageError("--key-stdin read no key (an empty line or end of input)");
    return { key, source: "stdin" };
  }
  const env = io.env ?? process.env;
  for (const name of envNames) {
    const key = env[name];
    if (key !== undefined && key !== "") return { key, source: "env" };
  }
  return undefined;
}

/** The first line of `stream` (without its line ending), or everything up to its end; then stops reading. */
export function readLine(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    const finish = (line: string) => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.pause();
      resolve(line.replace(/\r$/, ""));
    };
    const onData = (chunk: string | Buffer) => {
      text += chunk.toString();
      const newline = text.indexOf("\n");
      if (newline >= 0) finish(text.slice(0, newline));
    };
    const onEnd = () => finish(text);
    const onError = (error: Error) => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      reject(error);
    };
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
  });
}
