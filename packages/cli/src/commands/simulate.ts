import type { ConformanceSubject } from "@voxwire/conformance";
import {
  type AgentScript,
  conformanceScriptFor,
  DEFAULT_SIMULATOR_KEY,
  declaredCapabilities,
  describeFrontOptions,
  parseFrontOptions,
  type SessionRecord,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from "@voxwire/conformance";
import { type AgentVoice, voiceFromFiles, voiceFromScript } from "../agent-script.js";
import { type CliCommand, type CliIo, EXIT, UsageError } from "../command.js";
import { namedDialect, parseCommandLine, usageErrorFrom, wholeNumber } from "../command-line.js";
import { DIALECTS, PHONE_LEGS } from "../registry.js";
import { stopRequested } from "../stop-requested.js";
import { runCarrierSimulation } from "./call-carrier.js";
import { runTwilioSimulation, TWILIO_SIMULATE_USAGE } from "./call-twilio.js";

const USAGE = `usage: voxwire simulate <dialect> [options]

Runs a scripted voice agent speaking <dialect>'s vendor side on 127.0.0.1, until killed.
The first line on stdout is "listening http://127.0.0.1:PORT" (also through npx pnpm@10 voxwire in
the workspace); with --tls the next two are "listening https://127.0.0.1:PORT" and
"certificate /path/to/simulator-cert.pem"; progress goes to stderr.
Dialects: ${Object.keys(DIALECTS).join(", ")}

options:
  --port N                 port to listen on (default 0: a free one)
  --host H                 address to bind (default 127.0.0.1)
  --key K                  accepted key, repeatable (default ${DEFAULT_SIMULATOR_KEY}); others get the auth failure
  --key-without-scope K    a key that authenticates but lacks the session scope (Omni: close 4403), repeatable
  --max-sessions N         live sessions allowed; the next gets the dialect's concurrency failure
  --agent ID               known agent id, repeatable; others get the invalid-agent failure (default: any)
  --allow-origin O         allowed browser origin, repeatable (default: any)
  --greeting FILE.wav      what the agent says first (mono PCM16 WAV at any rate; default: the built-in greeting)
  --reply FILE.wav         what the agent answers each utterance with (default: the built-in answer)
  --script FILE.json       the greeting and a list of turns, each a WAV (below); not with --greeting/--reply
  --fast                   no real-time pacing of agent audio
  --tls                    also serve https:/wss: on a second port with a self-signed certificate made
                           at start (trust its file with NODE_EXTRA_CA_CERTS); some clients take only wss:
  --shutdown-after-ms N    fault: shut the session down N ms after it starts (session ending, close 1001)
  --malformed              fault: send malformed frames before the greeting
  --slow-reader-ms N       fault: read the client's frames only every N ms
  --front-option K=V       a vendor front's own option, repeatable (below)
  --json                   on exit, print every session record as one JSON document on stdout
  --quiet                  no progress lines

front options:
${frontOptionHelp()}

script file (--script): WAV paths relative to the file; "text" is the transcript sent with the
audio (default: the file's name); turns are spoken in order, one per utterance heard, then
again from the first; either field may be left out (the built-in clip stays):
  { "greeting": "hello.wav",
    "turns": ["answer-1.wav", { "audio": "answer-2.wav", "text": "Anything else?" }],
    "toolCall": { "name": "lookup_order", "arguments": { "order": "A-1" } } }
tool calls: on a dialect with tool calls (${toolDialects()}) the agent calls a tool before
its first answer (to an utterance or typed text) and waits up to 5 s for the result: by default
the conformance run's get_weather {"city":"Paris"}, so voxwire check --url passes its tool-call
scenario against this simulator; "toolCall" in the script names another, "toolCall": null none.

${TWILIO_SIMULATE_USAGE}`;

export const simulateCommand: CliCommand = {
  name: "simulate",
  summary: "run a dialect's simulator: a scripted local voice agent on 127.0.0.1",
  usage: USAGE,
  async run(argv: string[], io: CliIo): Promise<number> {
    if (argv[0] === "twilio") return runTwilioSimulation(argv.slice(1), io);
    if (argv[0] !== undefined && Object.hasOwn(PHONE_LEGS, argv[0])) return runCarrierSimulation(argv[0], argv.slice(1), io);
    const { options, json } = parseSimulateArgs(argv, io);
    // Listen for the stop before announcing the URL: a caller may signal as soon as it reads it.
    const stopped = stopRequested(io.signal);
    let sim: Simulator;
    try {
      sim = await startSimulator(options);
    } catch (error) {
      stopped.cancel();
      throw error;
    }
    io.stdout.write(`listening ${sim.url}\n`);
    if (sim.tlsUrl !== undefined) io.stdout.write(`listening ${sim.tlsUrl}\ncertificate ${sim.certificatePath}\n`);
    await stopped.promise;
    await sim.close();
    const sessions = sim.sessions();
    if (json) io.stdout.write(`${JSON.stringify({ dialect: sim.dialect, sessions }, null, 2)}\n`);
    else if (options.log) for (const record of sessions) io.stderr.write(`${describe(record)}\n`);
    return EXIT.ok;
  },
};

function parseSimulateArgs(argv: string[], io: CliIo): { options: SimulatorOptions; json: boolean } {
  const { values, positionals } = parseCommandLine(argv, {
    port: { type: "string" },
    host: { type: "string" },
    key: { type: "string", multiple: true },
    "key-without-scope": { type: "string", multiple: true },
    "max-sessions": { type: "string" },
    agent: { type: "string", multiple: true },
    "allow-origin": { type: "string", multiple: true },
    fast: { type: "boolean" },
    tls: { type: "boolean" },
    "shutdown-after-ms": { type: "string" },
    malformed: { type: "boolean" },
    "slow-reader-ms": { type: "string" },
    "front-option": { type: "string", multiple: true },
    greeting: { type: "string" },
    reply: { type: "string" },
    script: { type: "string" },
    json: { type: "boolean" },
    quiet: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError("name exactly one dialect");
  const dialect = positionals[0]!;
  const entry = namedDialect(dialect);
  if (!entry.front) throw new UsageError(`${dialect} has no built-in simulator`);
  let frontOptions: ReturnType<typeof parseFrontOptions>;
  try {
    frontOptions = parseFrontOptions(dialect, entry.frontOptions ?? {}, values["front-option"] ?? []);
  } catch (error) {
    throw usageErrorFrom(error);
  }
  const faults = {
    ...optional("shutdownAfterMs", wholeNumber(values["shutdown-after-ms"], "--shutdown-after-ms", 0)),
    ...optional("slowReaderMs", wholeNumber(values["slow-reader-ms"], "--slow-reader-ms", 1)),
    ...(values.malformed ? { malformed: true } : {}),
  };
  if (values.script !== undefined && (values.greeting !== undefined || values.reply !== undefined))
    throw new UsageError("give --script, or --greeting and --reply, not both");
  const voice = values.script !== undefined ? voiceFromScript(values.script) : voiceFromFiles({ greeting: values.greeting, reply: values.reply });
  const script = agentScript(entry, dialect, voice);
  const options: SimulatorOptions = {
    front: entry.front(frontOptions),
    ...(voice ? { clips: voice.clips } : {}),
    ...optional("script", script),
    port: wholeNumber(values.port, "--port", 0, 65535) ?? 0,
    ...optional("host", values.host),
    ...optional("keys", values.key),
    ...optional("keysWithoutScope", values["key-without-scope"]),
    ...optional("maxSessions", wholeNumber(values["max-sessions"], "--max-sessions", 1)),
    ...optional("agents", values.agent),
    ...optional("allowedOrigins", values["allow-origin"]),
    fast: values.fast ?? false,
    ...(values.tls ? { tls: true } : {}),
    faults,
    ...(values.quiet ? {} : { log: (line: string) => io.stderr.write(`${line}\n`) }),
  };
  return { options, json: values.json ?? false };
}

/**
 * What the agent says and calls: the voice's clips, and on a dialect with tool calls the
 * conformance run's tool call (so `voxwire check --url` passes its tool-call scenario against
 * this simulator), or the script file's own `toolCall` (`null`: none).
 */
function agentScript(entry: ConformanceSubject, dialect: string, voice: AgentVoice | undefined): AgentScript | undefined {
  const tools = declaredCapabilities(entry).toolCalls;
  const chosen = voice?.toolCall;
  if (chosen && !tools) throw new UsageError(`--script: "toolCall" needs a dialect with tool calls; ${dialect} declares none`);
  const toolCall = chosen === null ? undefined : (chosen ?? conformanceScriptFor(entry)?.toolCall);
  if (!toolCall) return voice?.script;
  return { ...(voice?.script ?? { greeting: "greeting", answers: ["answer"] }), toolCall };
}

/** Each dialect's front options, from the registry (no per-dialect code here). */
function frontOptionHelp(): string {
  const lines = Object.values(DIALECTS).flatMap((entry) => describeFrontOptions(entry.frontOptions ?? {}).map((line) => `  ${entry.name}: ${line}`));
  return lines.length > 0 ? lines.join("\n") : "  (none)";
}

/** The dialects whose clients declare tool calls, for the help text. */
function toolDialects(): string {
  return Object.values(DIALECTS)
    .filter((entry) => declaredCapabilities(entry).toolCalls)
    .map((entry) => entry.name)
    .join(", ");
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** One line per session for the exit summary. */
function describe(record: SessionRecord): string {
  const audio = record.received.audio;
  const measured = audio.measuredRate ? `, measured ${audio.measuredRate} Hz` : "";
  const close = record.close ? `close ${record.close.code} by ${record.close.by}` : "open";
  return (
    `${record.id} ${record.state}, ${close}: received ${audio.frames} audio frames ` +
    `(${audio.seconds.toFixed(2)} s at ${record.rates.user} Hz${measured}), ` +
    `${record.received.dtmf.length} DTMF, ${record.agent.utterances.length} utterances, ${record.agent.bargeIns} barge-ins`
  );
}
