import { readFileSync } from "node:fs";
import { CARRIER_NAMES, type CarrierName, type CarrierSettings, createPhoneBridge as createCarrierBridge, isCarrierName } from "@voxwire/carriers";
import type { ConformanceSubject } from "@voxwire/conformance";
import { ConfigError, type Dialect } from "@voxwire/core";
import type { BridgeEvent, PhoneBridge, PhoneBridgeServer } from "@voxwire/phone";
import { createPhoneBridge, type PhoneBridgeServerOptions, type TwilioRestOptions } from "@voxwire/twilio";
import { type CliCommand, type CliIo, EXIT, UsageError } from "../command.js";
import { namedDialect, parseCommandLine, wholeNumber } from "../command-line.js";
import { KEY_ENV, KEY_OPTIONS, resolveKey } from "../key-source.js";
import { DIALECTS } from "../registry.js";
import { stopRequested } from "../stop-requested.js";

const USAGE = `usage: voxwire bridge <dialect> --agent-url URL [--key-stdin] [options]

Answers Twilio calls (or another carrier's: --carrier) and bridges each one to a <dialect> agent
(at the phone's rate where the dialect allows it, so nothing is resampled). With Twilio, point the
number's "A call comes in" webhook at https://PUBLIC/voice. With another carrier, its webhook is
https://PUBLIC/<carrier>/answer and its stream wss://PUBLIC/<carrier>/media; with --carrier auto,
every carrier is served and any may stream to wss://PUBLIC/media (the carrier is detected).
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
  --carrier C            twilio (default: /voice and /media), auto (every carrier), or one of
                         ${CARRIER_NAMES.join(", ")}
  --lead-ms N            audio kept queued at the carrier, ms (default 100)
  --json                 call events as JSON lines on stdout (after the first line)
  --quiet                no progress lines

environment:
  VOXWIRE_AGENT_KEY      the agent's key, when neither --key nor --key-stdin is given
  VOXWIRE_KEY            the same, when VOXWIRE_AGENT_KEY is not set
  TWILIO_ACCOUNT_SID     default of --twilio-account-sid
  TWILIO_AUTH_TOKEN      default of --twilio-auth-token
  other carriers' secrets, read only for --carrier auto or that carrier (never printed):
  TELNYX_API_KEY, TELNYX_PUBLIC_KEY; PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN; VONAGE_APPLICATION_ID,
  VONAGE_PRIVATE_KEY_PATH, VONAGE_SIGNATURE_SECRET; SIGNALWIRE_SPACE, SIGNALWIRE_PROJECT_ID,
  SIGNALWIRE_API_TOKEN, SIGNALWIRE_SIGNING_KEY; ASTERISK_WS_USERNAME, ASTERISK_WS_PASSWORD;
  EXOTEL_STREAM_KEY, EXOTEL_STREAM_TOKEN
`;

export const bridgeCommand: CliCommand = {
  name: "bridge",
  summary: "answer Twilio calls (or any carrier's) and bridge them to an agent (the phone bridge server)",
  usage: USAGE,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { options, json, quiet, carrier, settings } = await parseBridgeArgs(argv, io);
    const progress = (line: string) => {
      if (!quiet) io.stderr.write(`${line}\n`);
    };
    const onCall = (call: PhoneBridge) => {
      call.on("*", (event) => {
        if (json) io.stdout.write(`${JSON.stringify(plain(event))}\n`);
        const line = describe(event, call.call?.carrier ?? carrier);
        if (line) progress(`${call.call?.callSid ?? "call"}: ${line}`);
      });
    };
    let server: PhoneBridgeServer;
    if (carrier === "twilio") server = await createPhoneBridge({ ...options, onCall });
    else {
      const { twilio: _twilio, transfer: _transfer, paths: _paths, streamParameters: _params, ...common } = options;
      server = await createCarrierBridge({ ...common, carriers: carrier === "auto" ? "auto" : [carrier as CarrierName], settings, onCall });
    }
    const stopped = stopRequested(io.signal);
    io.stdout.write(`listening ${server.url}\n`);
    await stopped.promise;
    await server.close();
    return EXIT.ok;
  },
};

interface BridgeArgs {
  options: PhoneBridgeServerOptions;
  json: boolean;
  quiet: boolean;
  carrier: string;
  settings: CarrierSettings;
}

async function parseBridgeArgs(argv: string[], io: CliIo): Promise<BridgeArgs> {
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
    carrier: { type: "string" },
    json: { type: "boolean" },
    quiet: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError("name exactly one agent dialect");
  const carrier = values.carrier ?? "twilio";
  if (carrier !== "auto" && !isCarrierName(carrier))
    throw new UsageError(`--carrier is auto or one of ${CARRIER_NAMES.join(", ")}, got "${carrier}"`);
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
  if (values["transfer-to"] && !twilio && (values.carrier ?? "twilio") === "twilio")
    throw new UsageError("--transfer-to needs the Twilio account SID and auth token");
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
  const settings = carrierSettings(carrier, env, twilio, values["transfer-to"]);
  return { options, json: values.json ?? false, quiet: values.quiet ?? false, carrier, settings };
}

/**
 * Each carrier's options from the environment, for the carriers served. A secret is read from its
 * variable and handed to the leg; it is never printed, and a missing one only turns its feature off.
 */
function carrierSettings(
  carrier: string,
  env: NodeJS.ProcessEnv,
  twilio: TwilioRestOptions | undefined,
  transferTo: string | undefined,
): CarrierSettings {
  const wants = (name: string) => carrier === "auto" || carrier === name;
  const settings: CarrierSettings = {};
  const to = transferTo ? { to: transferTo } : undefined;
  if (wants("twilio")) settings.twilio = { ...(twilio ? { twilio } : {}), ...(twilio && to ? { transfer: to } : {}) };
  if (wants("telnyx")) {
    const rest = env.TELNYX_API_KEY ? { apiKey: env.TELNYX_API_KEY } : undefined;
    settings.telnyx = {
      ...(env.TELNYX_PUBLIC_KEY ? { publicKey: env.TELNYX_PUBLIC_KEY } : {}),
      ...(rest ? { rest } : {}),
      ...(rest && to ? { transfer: to } : {}),
    };
  }
  if (wants("plivo") && env.PLIVO_AUTH_ID && env.PLIVO_AUTH_TOKEN)
    settings.plivo = { rest: { authId: env.PLIVO_AUTH_ID, authToken: env.PLIVO_AUTH_TOKEN } };
  if (wants("vonage")) {
    const keyPath = env.VONAGE_PRIVATE_KEY_PATH;
    const rest =
      env.VONAGE_APPLICATION_ID && keyPath ? { applicationId: env.VONAGE_APPLICATION_ID, privateKey: readFileSync(keyPath, "utf8") } : undefined;
    settings.vonage = {
      ...(env.VONAGE_SIGNATURE_SECRET ? { signatureSecret: env.VONAGE_SIGNATURE_SECRET } : {}),
      ...(rest ? { rest } : {}),
      ...(rest && to ? { transfer: to } : {}),
    };
  }
  if (wants("signalwire")) {
    const rest =
      env.SIGNALWIRE_SPACE && env.SIGNALWIRE_PROJECT_ID && env.SIGNALWIRE_API_TOKEN
        ? { space: env.SIGNALWIRE_SPACE, projectId: env.SIGNALWIRE_PROJECT_ID, apiToken: env.SIGNALWIRE_API_TOKEN }
        : undefined;
    settings.signalwire = {
      ...(env.SIGNALWIRE_SIGNING_KEY ? { signingKey: env.SIGNALWIRE_SIGNING_KEY } : {}),
      ...(rest ? { rest } : {}),
      ...(rest && to ? { transfer: to } : {}),
    };
  }
  if (wants("asterisk") && env.ASTERISK_WS_USERNAME && env.ASTERISK_WS_PASSWORD)
    settings.asterisk = { credentials: { username: env.ASTERISK_WS_USERNAME, password: env.ASTERISK_WS_PASSWORD } };
  if (wants("exotel") && env.EXOTEL_STREAM_KEY && env.EXOTEL_STREAM_TOKEN)
    settings.exotel = { credentials: { key: env.EXOTEL_STREAM_KEY, token: env.EXOTEL_STREAM_TOKEN } };
  return settings;
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

const CARRIER_LABELS: Readonly<Record<string, string>> = {
  twilio: "Twilio",
  telnyx: "Telnyx",
  plivo: "Plivo",
  asterisk: "Asterisk",
  vonage: "Vonage",
  exotel: "Exotel",
  signalwire: "SignalWire",
};

/** One progress line per event worth a line (audio-heard progress is too chatty). */
function describe(event: BridgeEvent, carrier: string): string | undefined {
  switch (event.type) {
    case "call-started":
      return `call started (stream ${event.call.streamSid})`;
    case "agent-connected":
      return `agent connected (${event.dialect})`;
    case "barge-in":
      return `barge-in in turn ${event.turn}: cleared ${CARRIER_LABELS[carrier] ?? carrier}, dropped ${Math.round(event.droppedMs)} ms queued here`;
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
