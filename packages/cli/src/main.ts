import { readFileSync } from "node:fs";
import { type CliCommand, type CliIo, EXIT, UsageError } from "./command.js";
import { bridgeCommand } from "./commands/bridge.js";
import { callCommand } from "./commands/call.js";
import { checkCommand } from "./commands/check.js";
import { probeCommand } from "./commands/probe.js";
import { recordCommand } from "./commands/record.js";
import { simulateCommand } from "./commands/simulate.js";

export { type CliCommand, type CliIo, EXIT, UsageError };

/** The subcommands. Adding one: write `commands/<name>.ts` exporting a CliCommand, and list it here. */
const COMMANDS: readonly CliCommand[] = [checkCommand, probeCommand, recordCommand, simulateCommand, callCommand, bridgeCommand];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "usage: voxwire <command> [options]",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "voxwire <command> --help shows a command's options; voxwire --version (-V) the CLI's version.",
    "",
  ].join("\n");
}

/** The `voxwire` CLI: dispatches to a subcommand and resolves with the process exit code. */
export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout).write(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-V") {
    io.stdout.write(`${cliVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`voxwire: unknown command "${name}"\n\n${help()}`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`voxwire ${name}: ${error.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    io.stderr.write(`voxwire ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}

/**
 * The version in @voxwire/cli's package.json, read at run time: the file is one folder above
 * both src/main.ts (the workspace launcher) and dist/cli.js (the published bundle).
 */
export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { name?: string; version?: string };
  if (manifest.name !== "@voxwire/cli" || typeof manifest.version !== "string") throw new Error("@voxwire/cli's package.json is not beside the CLI");
  return manifest.version;
}

/**
 * Ends the process once stdout and stderr have flushed. A command that finished must not be
 * kept alive by a socket a peer left hanging (a fetch's pooled connection to a server that
 * never answered), so the executables exit explicitly.
 */
export function exitAfterFlush(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}
