import { readFileSync } from "node:fs";
import { CARRIER_NAMES, type CarrierSettings, isCarrierName } from "@voxwire/carriers";
import type { ConformanceSubject } from "@voxwire/conformance";
import { ConfigError, type Dialect } from "@voxwire/core";
import { DEFAULT_DRAIN_TIMEOUT_MS } from "@voxwire/phone";
import type { PhoneBridgeServerOptions, TwilioRestOptions } from "@voxwire/twilio";
import { type CliIo, UsageError } from "../command.js";
import { namedDialect, parseCommandLine, wholeNumber } from "../command-line.js";
import { KEY_ENV, KEY_OPTIONS, resolveKey } from "../key-source.js";

// `voxwire bridge`'s command line: the server's options, each carrier's settings from the environment.

export interface BridgeArgs {
  options: PhoneBridgeServerOptions;
  json: boolean;
  quiet: boolean;
  carrier: string;
  settings: CarrierSettings;
  /** Workers to run (`--workers N|auto`); 1 runs the bridge in this process. */
  workers: number | "auto";
  drainTimeoutMs: number;
  /** `--metrics`: Prometheus metrics at /metrics; `port` is where a worker pool's primary serves their sum. */
  metrics: { port: number } | undefined;
  /** The agent's key (workers get it in their environment, never on a command line). */
  key: string;
}

export async function parseBridgeArgs(argv: string[], io: CliIo): Promise<BridgeArgs> {
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
    "allow-unsigned": { type: "boolean" },
    "max-calls": { type: "string" },
    "max-call-ms": { type: "string" },
    "drain-timeout": { type: "string" },
    "ping-interval-ms": { type: "string" },
    "pong-timeout-ms": { type: "string" },
    workers: { type: "string" },
    metrics: { type: "boolean" },
    "metrics-port": { type: "string" },
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
  const maxCalls = wholeNumber(values["max-calls"], "--max-calls", 1);
  const maxCallMs = wholeNumber(values["max-call-ms"], "--max-call-ms", 1000);
  const drainTimeoutMs = wholeNumber(values["drain-timeout"], "--drain-timeout", 0) ?? DEFAULT_DRAIN_TIMEOUT_MS;
  const pingIntervalMs = wholeNumber(values["ping-interval-ms"], "--ping-interval-ms", 0);
  const pongTimeoutMs = wholeNumber(values["pong-timeout-ms"], "--pong-timeout-ms", 10);
  const workers: number | "auto" = values.workers === "auto" ? "auto" : (wholeNumber(values.workers, "--workers", 1, 1024) ?? 1);
  const metricsPort = wholeNumber(values["metrics-port"], "--metrics-port", 0, 65535);
  if (metricsPort !== undefined && !values.metrics) throw new UsageError("--metrics-port needs --metrics");
  if (metricsPort !== undefined && metricsPort === port && port !== 0) throw new UsageError("--metrics-port must differ from --port");
  const metrics = values.metrics ? { port: metricsPort ?? (port === 0 ? 0 : port + 1) } : undefined;
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
    ...(values["allow-unsigned"] ? { allowUnsigned: true } : {}),
    ...(maxCalls !== undefined ? { maxCalls } : {}),
    ...(maxCallMs !== undefined ? { maxCallMs } : {}),
    ...(pingIntervalMs !== undefined ? { pingIntervalMs } : {}),
    ...(pongTimeoutMs !== undefined ? { pongTimeoutMs } : {}),
  };
  const settings = carrierSettings(carrier, env, twilio, values["transfer-to"]);
  return { options, json: values.json ?? false, quiet: values.quiet ?? false, carrier, settings, workers, drainTimeoutMs, metrics, key };
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
