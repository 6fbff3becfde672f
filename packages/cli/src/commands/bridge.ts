import type { ConformanceSubject } from "@voxwire/conformance";
import { ConfigError, type Dialect } from "@voxwire/core";
import type { BridgeEvent } from "@voxwire/phone";
import { createPhoneBridge, type PhoneBridgeServerOptions, type TwilioRestOptions } from "@voxwire/twilio";
import { type CliCommand, type CliIo, EXIT, UsageError } from "../command.js";
import { namedDialect, parseCommandLine, wholeNumber } from "../command-line.js";
import { KEY_ENV, KEY_OPTIONS, resolveKey } from "../key-source.js";
import { DIALECTS } from "../registry.js";
import { stopRequested } from "../stop-requested.js";

const USAGE = `usage: voxwire bridge <dialect> --agent-url URL [--key-stdin] [options]

Answers Twilio calls and bridges each one to a <dialect> agent (8 kHz where the dialect allows it,
so nothing is resampled). Point the number's "A call comes in" webhook at https://PUBLIC/voice.
The first line on stdout is "listening http://HOST:PORT"; call progress goes to stderr.
Dialects: ${Object.keys(DIALECTS).join(", ")}

options:
  --agent-url URL        the agent's base URL (a vendor's, or a simulator's http://127.0.0.1:PORT)
  --key-stdin            read the agent's key from standard input (one line)
  --key K                the agent's key on the command line: other users can see it (ps, shell
                         history), so prefer $VOXWIRE_AGENT_KEY or --key-stdin
  --agent ID             the agent, where the dialect names one (--agent-id: deprecated alias)
  --port N               port to listen on (default 8080; 0 picks a free one)
  --host H               address to bind (default 127.0.0.1; put a tunnel in front)
  --public-url URL       the public https:// base Twilio reaches (default: from Host/X-Forwarded-Proto)
  --twilio-account-sid S Twilio account (default: $TWILIO_ACCOUNT_SID): REST hang-up and transfer
  --twilio-auth-token T  Twilio auth token (default: $TWILIO_AUTH_TOKEN): also validates X-Twilio-Signature
  --transfer-to NUMBER   where a transfer the agent asks for dials (needs the Twilio credentials)
  --lead-ms N            audio kept queued at Twilio, ms (default 100)
  --json                 call events as JSON lines on stdout (after the first line)
  --quiet                no progress lines

environment:
  VOXWIRE_AGENT_KEY      the agent's key, when neither --key nor --key-stdin is given
  VOXWIRE_KEY            the same, when VOXWIRE_AGENT_KEY is not set
  TWILIO_ACCOUNT_SID     default of --twilio-account-sid
  TWILIO_AUTH_TOKEN      default of --twilio-auth-token
`;

export const bridgeCommand: CliCommand = {
  name: "bridge",
  summary: "answer Twilio calls and bridge them to an agent (the phone bridge server)",
  usage: USAGE,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { options, json, quiet } = await parseBridgeArgs(argv, io);
    const progress = (line: string) => {
      if (!quiet) io.stderr.write(`${line}\n`);
    };
    const server = await createPhoneBridge({
      ...options,
      onCall: (call) => {
        call.on("*", (event) => {
          if (json) io.stdout.write(`${JSON.stringify(plain(event))}\n`);
          const line = describe(event);
          if (line) progress(`${call.call?.callSid ?? "call"}: ${line}`);
        });
      },
    });
    const stopped = stopRequested(io.signal);
    io.stdout.write(`listening ${server.url}\n`);
    await stopped.promise;
    await server.close();
    return EXIT.ok;
  },
};

async function parseBridgeArgs(argv: string[], io: CliIo): Promise<{ options: PhoneBridgeServerOptions; json: boolean; quiet: boolean }> {
  const { values, positionals } = parseCommandLine(argv, {
    "agent-url": { type: "string" },
    ...KEY_OPTIONS,
    agent: { type: "string" },
    "agent-id": { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    "public-url": { type: "string" },
    "twilio-account-sid": { type: "string" },
    "twilio-auth-token": { type: "string" },
    "transfer-to": { type: "string" },
    "lead-ms": { type: "string" },
    json: { type: "boolean" },
    quiet: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError("name exactly one agent dialect");
  const entry = namedDialect(positionals[0]!);
  const url = values["agent-url"];
  if (!url) throw new UsageError("--agent-url is required");
  if (values.agent !== undefined && values["agent-id"] !== undefined) throw new UsageError("give --agent only (--agent-id is its old name)");
  if (values["agent-id"] !== undefined) io.stderr.write("voxwire bridge: warning: --agent-id is deprecated; use --agent\n");
  const agentId = values.agent ?? values["agent-id"];
  const env = io.env ?? process.env;
  const accountSid = values["twilio-account-sid"] ?? env.TWILIO_ACCOUNT_SID;
  const authToken = values["twilio-auth-token"] ?? env.TWILIO_AUTH_TOKEN;
  if ((accountSid === undefined) !== (authToken === undefined)) throw new UsageError("give both the Twilio account SID and auth token, or neither");
  const twilio: TwilioRestOptions | undefined = accountSid && authToken ? { accountSid, authToken } : undefined;
  if (values["transfer-to"] && !twilio) throw new UsageError("--transfer-to needs the Twilio account SID and auth token");
  const port = wholeNumber(values.port, "--port", 0, 65535) ?? 8080;
  const leadMs = wholeNumber(values["lead-ms"], "--lead-ms", 20, 5000);
  // Last, once the command line is known good (it may read stdin).
  const key = (await resolveKey("bridge", values, io, ["VOXWIRE_AGENT_KEY", KEY_ENV]))?.key;
  if (!key) throw new UsageError("--key (or $VOXWIRE_AGENT_KEY, or --key-stdin) is required");
  const agent = phoneRateClient(entry, { url, key, ...(agentId ? { agentId } : {}) });
  const options: PhoneBridgeServerOptions = {
    agent,
    port,
    ...(values.host ? { host: values.host } : {}),
    ...(values["public-url"] ? { publicUrl: values["public-url"] } : {}),
    ...(twilio ? { twilio } : {}),
    ...(values["transfer-to"] ? { transfer: { to: values["transfer-to"] } } : {}),
    ...(leadMs !== undefined ? { leadMs } : {}),
  };
  return { options, json: values.json ?? false, quiet: values.quiet ?? false };
}

/** The dialect at 8 kHz when it lets the client choose (no resampling on the phone leg), else at its own rate. */
export function phoneRateClient(entry: ConformanceSubject, target: { url: string; key: string; agentId?: string }): Dialect {
  try {
    return entry.client({ ...target, sampleRate: 8000 });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return entry.client(target);
  }
}

/** One progress line per event worth a line (audio-heard progress is too chatty). */
function describe(event: BridgeEvent): string | undefined {
  switch (event.type) {
    case "call-started":
      return `call started (stream ${event.call.streamSid})`;
    case "agent-connected":
      return `agent connected (${event.dialect})`;
    case "barge-in":
      return `barge-in in turn ${event.turn}: cleared Twilio, dropped ${Math.round(event.droppedMs)} ms queued here`;
    case "agent-audio-heard":
      return event.final
        ? `turn ${event.turn}: caller heard ${event.heardMs} of ${event.sentMs} ms${event.interrupted ? " (interrupted)" : ""}`
        : undefined;
    case "dtmf":
      return `caller pressed ${event.digit}${event.forwarded ? " (forwarded)" : ""}`;
    case "transfer":
      return `agent asked for a transfer${event.reason ? `: ${event.reason}` : ""}`;
    case "error":
      return `${event.fatal ? "fatal " : ""}error on the ${event.leg} leg (${event.code}): ${event.message}`;
    case "ended":
      return `ended: ${event.reason} (${event.detail})`;
  }
}

/** The event without the error object (plain JSON). */
function plain(event: BridgeEvent): object {
  if (event.type !== "error") return event;
  const { error: _error, ...rest } = event;
  return rest;
}
