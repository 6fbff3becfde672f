import { existsSync, writeFileSync } from "node:fs";
import { checkGoldenFile, type GoldenFile, parseGolden, type Recording, recordSession } from "@voxwire/conformance";
import type { InboundEventOf } from "@voxwire/core";
import { type CliCommand, type CliIo, EXIT, UsageError } from "../command.js";
import { endpointUrl, namedDialect, parseCommandLine, wholeNumber } from "../command-line.js";
import { KEY_OPTIONS, resolveKey } from "../key-source.js";
import { DIALECTS } from "../registry.js";
import { withProgress } from "../terminal.js";

const USAGE = `usage: voxwire record <dialect> --url URL --out FILE.jsonl [--key-stdin] [options]

Captures a live session as a golden file: the bootstrap call, the dial, every frame both ways
with its time and decoded events, and the close, while a short script runs (the greeting, a
440 Hz tone, the answer, close). Every secret (keys, tokens, signed URLs, subprotocol
credentials) is redacted. The file is replayed through the golden check before it is kept, so a
new vendor's behaviour becomes a conformance case: put it in conformance/golden/<dialect>/.
Dialects: ${Object.keys(DIALECTS).join(", ")}

options:
  --url URL         the vendor's base URL (what the dialect's baseUrl/apiUrl takes)
  --key-stdin       read the key from standard input (one line)
  --key KEY         the key on the command line: other users can see it (ps, shell history),
                    so prefer $VOXWIRE_KEY or --key-stdin
  --out FILE        where to write the golden file (.jsonl)
  --force           overwrite FILE if it exists
  --agent ID        the agent to talk to, where the dialect names one
  --rate HZ         the wire rate, where the client chooses it
  --fast            send the user's audio at once (a simulator started with --fast)
  --timeout-ms N    deadline of each network step (default 5000)
  --quiet           no progress on stderr

environment:
  VOXWIRE_KEY       the key, when neither --key nor --key-stdin is given

Exit code: 0 when the session was recorded; 1 when the endpoint refused the session or it failed
(the refusal is still written: it replays as a conformance case), when it never answered, or when
the recording does not replay; 2 for a usage error.
`;

export const recordCommand: CliCommand = {
  name: "record",
  summary: "capture a live session as a golden file, every secret redacted",
  usage: USAGE,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { subject, ...options } = await parseRecordArgs(argv, io);
    const recording = await withProgress(io, options.quiet, (progress) =>
      recordSession(subject, {
        url: options.url,
        key: options.key,
        ...(options.agentId !== undefined ? { agentId: options.agentId } : {}),
        ...(options.sampleRate !== undefined ? { sampleRate: options.sampleRate } : {}),
        ...(options.stepMs !== undefined ? { stepMs: options.stepMs } : {}),
        ...(io.signal ? { signal: io.signal } : {}),
        fast: options.fast,
        onProgress: (step) => progress.update(`record › ${options.dialect}: ${step}`, true),
      }),
    );
    if (recording.text.includes(options.key)) {
      io.stderr.write("voxwire record: the recording still contains the key; nothing was written\n");
      return EXIT.failed;
    }
    const golden = parseGolden(recording.text, options.out);
    const report = await checkGoldenFile(golden, subject);
    const problems = [...report.problems, ...report.lines.flatMap((l) => l.problems.map((p) => `line ${l.lineNo}: ${p}`))];
    if (problems.length > 0) {
      io.stderr.write(`voxwire record: the recording does not replay, so it was not written:\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
      return EXIT.failed;
    }
    writeFileSync(options.out, recording.text);
    const oneWay = golden.entries.filter(({ line }) => "frame" in line && line.oneWay !== undefined).length;
    const failure = sessionFailure(recording, golden);
    const what = recording.refused
      ? `the session was refused (${recording.refused.code}); the refusal is recorded`
      : failure
        ? `the session failed (${failure.code}); the failure is recorded`
        : "the session is recorded";
    io.stdout.write(
      `${what}: ${recording.lines} lines in ${options.out}, secrets redacted; it replays through the golden check${oneWay > 0 ? ` (${oneWay} frames voxwire's peer would send differently: client side only)` : ""}\n`,
    );
    if (failure) {
      // A refusal is a conformance case worth keeping, but not the session that was asked for.
      const why = failure.why.split(options.key).join("[redacted]");
      io.stderr.write(`voxwire record: the session was refused or failed (${failure.code}): ${why}\n`);
      return EXIT.failed;
    }
    return EXIT.ok;
  },
};

/**
 * Why the recorded session is not the one asked for: the endpoint refused it (a thrown refusal,
 * or a fatal error event as Omni's close 4401 decodes), or it never started. Undefined when it ran.
 */
function sessionFailure(recording: Recording, golden: GoldenFile): { code: string; why: string } | undefined {
  if (recording.refused) return { code: recording.refused.code, why: recording.refused.message.replace(/^\[voxwire[^\]]*\] /, "") };
  const events = golden.entries.filter(({ line }) => line.dir === "in").flatMap((entry) => entry.events);
  const fatal = events.find((e): e is InboundEventOf<"error"> => e.type === "error" && (e as InboundEventOf<"error">).fatal);
  if (fatal) return { code: fatal.code, why: `the endpoint sent a fatal error${closeOf(golden)}` };
  if (!events.some((e) => e.type === "session-started"))
    return { code: "not_started", why: `the session never started${closeOf(golden)} (a wrong --url, --agent or --rate?)` };
  return undefined;
}

/** `: close 4401 (reason)` from the recording's close line, if it has one. */
function closeOf(golden: GoldenFile): string {
  const close = golden.entries.map(({ line }) => line).find((line) => "close" in line);
  if (!close || !("close" in close)) return "";
  const { code, reason } = close.close as { code: number; reason?: string };
  return `: close ${code}${reason ? ` (${reason})` : ""}`;
}

async function parseRecordArgs(argv: string[], io: CliIo) {
  const { values, positionals } = parseCommandLine(argv, {
    url: { type: "string" },
    ...KEY_OPTIONS,
    out: { type: "string" },
    force: { type: "boolean" },
    agent: { type: "string" },
    rate: { type: "string" },
    fast: { type: "boolean" },
    "timeout-ms": { type: "string" },
    quiet: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError("name exactly one dialect");
  const dialect = positionals[0]!;
  const subject = namedDialect(dialect);
  for (const flag of ["url", "out"] as const) if (values[flag] === undefined) throw new UsageError(`--${flag} is required`);
  endpointUrl(values.url!);
  if (!values.out!.endsWith(".jsonl")) throw new UsageError("--out must name a .jsonl file");
  if (existsSync(values.out!) && !values.force) throw new UsageError(`${values.out} exists; --force overwrites it`);
  const sampleRate = wholeNumber(values.rate, "--rate", 8000, 48000);
  const stepMs = wholeNumber(values["timeout-ms"], "--timeout-ms", 100, 120_000);
  const key = (await resolveKey("record", values, io))?.key;
  if (key === undefined) throw new UsageError("--key is required (or $VOXWIRE_KEY, or --key-stdin)");
  return {
    dialect,
    subject,
    url: values.url!,
    key,
    out: values.out!,
    ...(values.agent !== undefined ? { agentId: values.agent } : {}),
    ...(sampleRate !== undefined ? { sampleRate } : {}),
    ...(stepMs !== undefined ? { stepMs } : {}),
    fast: values.fast ?? false,
    quiet: values.quiet ?? false,
  };
}
