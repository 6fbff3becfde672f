import {
  ConfigError,
  type ConnectPlan,
  type DialectEnv,
  errorEvent,
  type HttpResponseData,
  type InboundEvent,
  type Preparation,
  SecretSet,
  urlSecrets,
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { silence, sine } from "../audio/test-signals.js";
import { mirrorEvents } from "../golden/check-golden.js";
import { eventToJson, type GoldenEventJson, type WireEvent } from "../golden/golden-event.js";
import { compareFrames, frameToJson } from "../golden/golden-frame.js";
import { offlineEnv } from "../offline-env.js";
import { asError } from "./conversation.js";
import { LiveCall } from "./live-call.js";
import type { ConformanceSubject } from "./live-subject.js";
import { isBootstrapError } from "./observed-refusal.js";
import { APP_RATE } from "./test-audio.js";
import { WireRedactor } from "./wire-redactor.js";
import { WireTap } from "./wire-tap.js";

export interface RecordOptions {
  /** The vendor's base URL (what the dialect's baseUrl/apiUrl takes). */
  url: string;
  key: string;
  agentId?: string;
  sampleRate?: number;
  /** Deadline of each network step (default 5000 ms). */
  stepMs?: number;
  /** Send the user's audio at once instead of at real time (tests against a fast simulator). */
  fast?: boolean;
  signal?: AbortSignal;
  onProgress?(step: string): void;
  /** The recording's date (tests). */
  now?: () => Date;
}

export interface Recording {
  /** The golden file, JSON Lines, every credential redacted. */
  readonly text: string;
  readonly lines: number;
  /** Set when the endpoint refused the session: the file records the refusal. */
  readonly refused?: VoxwireError;
}

const QUIET_MS = 400;
const FAST_QUIET_MS = 120;

/**
 * Captures one live session as a golden file: the bootstrap call, the dial, every frame both
 * ways with its time and the events it decodes to, and the close, while a short script runs
 * (wait for the greeting, send a 440 Hz tone, wait for the answer, close). Every secret (the
 * key, tokens, signed URLs, subprotocol credentials) is redacted, and the events are decoded
 * from the redacted frames, so the file replays through the shared golden check as recorded.
 * A refused session is recorded as its refusal; an endpoint that never answered throws.
 */
export async function recordSession(subject: ConformanceSubject, options: RecordOptions): Promise<Recording> {
  const target = {
    url: options.url,
    key: options.key,
    ...(options.agentId !== undefined ? { agentId: options.agentId } : {}),
    ...(options.sampleRate !== undefined ? { sampleRate: options.sampleRate } : {}),
  };
  const dialect = subject.client(target);
  if (!dialect.createPeerCodec) throw new ConfigError(`${subject.name} has no peer codec to read what the client sends: it cannot be recorded`);
  const startedAt = (options.now ?? (() => new Date()))();
  const env: DialectEnv = { runtime: "node", now: startedAt.getTime() };
  const preparation: Preparation = dialect.prepare(env);
  const stepMs = options.stepMs ?? 5000;
  const tap = new WireTap();
  let refused: VoxwireError | undefined;
  try {
    // No conformance `agent` option: a recording is of the vendor as the dialect meets it by default.
    const call = await LiveCall.open(dialect, { appRate: APP_RATE, stepMs, tap, agent: null, ...(options.signal ? { signal: options.signal } : {}) });
    await drive(call, stepMs, options);
  } catch (error) {
    refused = asError(error);
    const answered = tap.http.some((h) => h.response) || tap.upgrade !== undefined;
    if (!answered) throw refused;
  }

  // Everything secret this session held: the key, the bootstrap's credentials, the plan's.
  const http = tap.http[0];
  const realPlan = planOf(preparation, http?.response, env);
  const secrets = [options.key, ...(preparation.kind === "bootstrap" ? preparation.request.secrets : []), ...(realPlan?.secrets ?? [])];
  if (tap.dialed) {
    // A subprotocol is a credential when the plan says so (`convai`, `realtime` are not); with no
    // plan to ask, every one is treated as one.
    const protocols = realPlan ? tap.dialed.protocols.filter((p) => realPlan.secrets.includes(p)) : tap.dialed.protocols;
    secrets.push(tap.dialed.url, ...urlSecrets(tap.dialed.url), ...protocols, ...Object.values(tap.dialed.headers));
  }
  const redactor = new WireRedactor(secrets);
  const requestRedactor = new SecretSet().add(options.key, ...(preparation.kind === "bootstrap" ? preparation.request.secrets : []));

  const lines: Record<string, unknown>[] = [];
  const at = (ms: number) => Math.round(ms * 10) / 10;
  let redactedResponse: HttpResponseData | undefined;
  if (http && preparation.kind === "bootstrap") {
    lines.push({
      dir: "out",
      request: {
        method: http.request.method,
        url: requestRedactor.redact(http.request.url),
        headers: Object.fromEntries(Object.entries(http.request.headers).map(([k, v]) => [k, requestRedactor.redact(v)])),
        ...(http.request.body !== undefined ? { body: jsonOrText(requestRedactor.redact(http.request.body)) } : {}),
      },
      atMs: at(http.atMs),
    });
    if (http.response) {
      const body = redactor.text(http.response.body);
      const contentType = http.response.headers["content-type"];
      redactedResponse = { status: http.response.status, headers: contentType ? { "content-type": contentType } : {}, body };
      const failed = refused && isBootstrapError(refused) ? [recorded(errorEvent(refused))] : undefined;
      lines.push({
        dir: "in",
        response: { ...redactedResponse, body: jsonOrText(body) },
        ...(failed ? { events: failed } : {}),
        atMs: at(http.response.atMs),
      });
    }
  }

  // Decode what was recorded exactly as the replay will: from the redacted frames.
  const replayPlan = planOf(preparation, redactedResponse, env) ?? realPlan;
  if (tap.dialed) {
    lines.push({
      dir: "out",
      connect: {
        url: redactor.text(tap.dialed.url),
        ...(tap.dialed.protocols.length ? { protocols: tap.dialed.protocols.map((p) => redactor.text(p)) } : {}),
      },
    });
  }
  const audio = replayPlan?.audio ?? {
    outbound: { encoding: "pcm16" as const, sampleRate: 16000 },
    inbound: { encoding: "pcm16" as const, sampleRate: 16000 },
  };
  const decodePlan: ConnectPlan = replayPlan ?? { url: "ws://golden.invalid/", audio, secrets: [] };
  const client = dialect.createCodec(decodePlan, offlineEnv());
  const peer = dialect.createPeerCodec(decodePlan);
  if (tap.upgrade && tap.upgrade.status !== 101 && refused) {
    lines.push({
      dir: "in",
      upgrade: { status: tap.upgrade.status, body: redactor.text(tap.upgrade.body ?? "") },
      events: [recorded(errorEvent(client.upgradeRejected(tap.upgrade.status, redactor.text(tap.upgrade.body ?? ""))))],
    });
  }
  // What went out at open: the plan's first frames, then the codec's open() (a setup message).
  let planFrames = (replayPlan?.firstFrames?.length ?? 0) + (client.open?.().length ?? 0);
  for (const { dir, frame, atMs } of tap.frames) {
    const wire: WireFrame = typeof frame === "string" ? redactor.text(frame) : frame;
    if (dir === "in") {
      const events = client.decode(wire);
      const line: Record<string, unknown> = { dir, frame: frameToJson(wire), events: events.map(recorded), atMs: at(atMs) };
      const differs = compareFrames(
        mirrorEvents(events, wire).flatMap((e) => peer.encode(e)),
        [wire],
      );
      if (differs.length > 0) line.oneWay = `recorded; voxwire's peer codec would send these events differently (${differs[0]})`;
      lines.push(line);
    } else {
      const events = peer.decode(wire);
      lines.push({ dir, frame: frameToJson(wire), events: events.map(recorded), ...(planFrames-- > 0 ? { plan: true } : {}), atMs: at(atMs) });
    }
  }
  if (tap.closed) {
    const reason = redactor.text(tap.closed.reason);
    lines.push({
      dir: "in",
      close: { code: tap.closed.code, reason },
      events: client.close(tap.closed.code, reason).map(recorded),
      atMs: at(tap.closed.atMs),
    });
  }

  const header = {
    golden: 1,
    dialect: subject.name,
    title: refused ? `a recorded refusal (${refused.code})` : "a recorded session: greeting, a 440 Hz tone, the answer, close",
    source: `recorded from ${redactor.text(options.url)} on ${startedAt.toISOString()} with voxwire record`,
    target: {
      url: redactor.text(options.url),
      ...(options.agentId !== undefined ? { agentId: options.agentId } : {}),
      ...(options.sampleRate !== undefined ? { sampleRate: options.sampleRate } : {}),
    },
    audio,
    now: startedAt.toISOString(),
  };
  const text = `${[header, ...lines].map((line) => JSON.stringify(line)).join("\n")}\n`;
  return { text, lines: lines.length, ...(refused ? { refused } : {}) };
}

/** The script: the greeting, a tone and silence, the answer, then close. Every wait has a deadline. */
async function drive(call: LiveCall, stepMs: number, options: RecordOptions): Promise<void> {
  const fast = options.fast === true;
  const quiet = fast ? FAST_QUIET_MS : QUIET_MS;
  options.onProgress?.("waiting for the session to start");
  if (!(await call.waitFor((e) => e.type === "session-started", stepMs))) {
    await call.close(2000);
    return;
  }
  options.onProgress?.("listening to the greeting");
  let last = await call.waitFor((e) => e.type === "audio-chunk", 4000);
  let heardUntil = last ? await call.quiet("audio-chunk", quiet, 20_000) : undefined;
  if (fast && heardUntil !== undefined) {
    const spoken = call.of("audio-chunk").reduce((n, c) => n + c.event.audio.length / c.event.sampleRate, 0);
    await call.stream(silence(APP_RATE, spoken + 0.1), false, options.signal);
  }
  options.onProgress?.("speaking: a 440 Hz tone, then silence");
  const toneAt = await call.stream(sine(APP_RATE, 0.6), !fast, options.signal);
  await call.stream(silence(APP_RATE, 1), !fast, options.signal);
  options.onProgress?.("waiting for the answer");
  last = await call.waitFor((e) => e.type === "audio-chunk", 6000, (heardUntil ?? toneAt) + 0.001);
  if (last) heardUntil = await call.quiet("audio-chunk", quiet, 20_000);
  options.onProgress?.("closing");
  await call.close(5000);
}

/** The plan the dialect gets: its own, or parsed from the bootstrap answer (undefined when there is none or it does not parse). */
function planOf(
  preparation: Preparation,
  response: HttpResponseData | { status: number; headers: Record<string, string>; body: string } | undefined,
  env: DialectEnv,
): ConnectPlan | undefined {
  if (preparation.kind === "plan") return preparation.plan;
  if (!response) return undefined;
  try {
    return preparation.parse({ status: response.status, headers: response.headers, body: response.body }, env);
  } catch {
    return undefined;
  }
}

/** An event as a recording writes it: golden JSON, and for an error no message (its prose is the adapter's, not the wire's). */
function recorded(event: WireEvent | InboundEvent): GoldenEventJson {
  const json = eventToJson(event);
  if (json.type !== "error") return json;
  const { message: _message, ...rest } = json;
  return rest as GoldenEventJson;
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
