import { type Dialect, type InboundEvent, isRecord, redactUrl, SecretSet, type VoxwireError, type WireFrame } from "@voxwire/core";
import { describeObserved, matchesRefusal, type ObservedRefusal } from "./auth-refusal.js";
import { asError } from "./conversation.js";
import { LiveCall } from "./live-call.js";
import type { ConformanceSubject } from "./live-subject.js";
import { isBootstrapError, observedClose, observedRefusal } from "./observed-refusal.js";
import { APP_RATE } from "./test-audio.js";
import { WireTap } from "./wire-tap.js";

/** The key a probe offers when none is given: any vendor refuses it, and how it refuses is telling. */
export const PROBE_KEY = "voxwire-probe-key";
export const DEFAULT_PROBE_STEP_MS = 3000;

/**
 * How well an endpoint answered one dialect's handshake:
 * `speaks` (a session started), `refuses-auth` (refused the key the way the dialect documents),
 * `deviates` (answered, but not as documented), `not-this` (nothing of the dialect there),
 * `unreachable`.
 */
export type ProbeVerdict = "speaks" | "refuses-auth" | "deviates" | "not-this" | "unreachable";

export const SCORE: Readonly<Record<ProbeVerdict, number>> = { speaks: 3, "refuses-auth": 2, deviates: 1, "not-this": 0, unreachable: 0 };

export interface ProbeAttempt {
  readonly dialect: string;
  readonly verdict: ProbeVerdict;
  readonly score: number;
  /** What the endpoint sent that only this dialect's vendor documents (`transcript.ordinal`): ranks it above a look-alike. */
  readonly marks?: string[];
  /** What the endpoint did, in one sentence (no secret). */
  readonly detail: string;
  /** Where it departed from the dialect's documents. */
  readonly deviations: string[];
  readonly ms: number;
}

export interface ProbeReport {
  /** The endpoint, redacted. */
  readonly url: string;
  /** Best first. */
  readonly attempts: ProbeAttempt[];
  /** The best attempt that at least refused the key as documented. */
  readonly best?: ProbeAttempt;
}

export interface ProbeOptions {
  key?: string;
  agentId?: string;
  /** Deadline of each network step (default 3000 ms). */
  stepMs?: number;
  signal?: AbortSignal;
  onProgress?(dialect: string): void;
}

/**
 * Tries each dialect's handshake against an unknown endpoint, one after the other (bootstrap
 * call, upgrade with its subprotocol, first message) with short deadlines, and ranks how each
 * went: the first thing to run against a new vendor. Sessions that start are closed at once.
 */
export async function probe(url: string, subjects: readonly ConformanceSubject[], options: ProbeOptions = {}): Promise<ProbeReport> {
  const secrets = new SecretSet().add(options.key);
  const attempts: ProbeAttempt[] = [];
  for (const subject of subjects) {
    options.onProgress?.(subject.name);
    const attempt = await probeOne(url, subject, options);
    attempts.push({ ...attempt, detail: secrets.redact(attempt.detail), deviations: attempt.deviations.map((d) => secrets.redact(d)) });
  }
  return ranked(redactUrl(url, options.key ? [options.key] : []), attempts);
}

/** The report: best first (score, then the vendor's own marks, then fewest deviations); `best` when it at least refused as documented. */
export function ranked(url: string, attempts: ProbeAttempt[]): ProbeReport {
  attempts.sort((a, b) => b.score - a.score || (b.marks?.length ?? 0) - (a.marks?.length ?? 0) || a.deviations.length - b.deviations.length);
  const best = attempts[0] && attempts[0].score >= SCORE["refuses-auth"] ? attempts[0] : undefined;
  return { url, attempts, ...(best ? { best } : {}) };
}

/** The fields of `subject.probeMarks` that the text frames carry, as `type.field`, each once. */
export function marksIn(frames: readonly WireFrame[], subject: ConformanceSubject): string[] {
  const wanted = subject.probeMarks;
  if (!wanted) return [];
  const found = new Set<string>();
  for (const frame of frames) {
    if (typeof frame !== "string") continue;
    let message: unknown;
    try {
      message = JSON.parse(frame);
    } catch {
      continue;
    }
    if (!isRecord(message) || typeof message.type !== "string" || !Object.hasOwn(wanted, message.type)) continue;
    for (const field of wanted[message.type] ?? []) if (Object.hasOwn(message, field)) found.add(`${message.type}.${field}`);
  }
  return [...found];
}

async function probeOne(url: string, subject: ConformanceSubject, options: ProbeOptions): Promise<ProbeAttempt> {
  return probeDialect(
    subject,
    () => subject.client({ url, key: options.key ?? PROBE_KEY, ...(options.agentId !== undefined ? { agentId: options.agentId } : {}) }),
    options,
  );
}

/** One dialect's handshake against the endpoint, its client built by `build` (a throw: it cannot be dialed so). */
export async function probeDialect(subject: ConformanceSubject, build: () => Dialect, options: ProbeOptions): Promise<ProbeAttempt> {
  const stepMs = options.stepMs ?? DEFAULT_PROBE_STEP_MS;
  const tap = new WireTap();
  const result = (verdict: ProbeVerdict, detail: string, deviations: string[] = []): ProbeAttempt => {
    const marks =
      verdict === "speaks"
        ? marksIn(
            tap.frames.filter((f) => f.dir === "in").map((f) => f.frame),
            subject,
          )
        : [];
    return {
      dialect: subject.name,
      verdict,
      score: SCORE[verdict],
      ...(marks.length > 0 ? { marks } : {}),
      detail: marks.length > 0 ? `${detail}; its vendor's own fields: ${marks.join(", ")}` : detail,
      deviations,
      ms: Math.round(tap.now()),
    };
  };
  let dialect: Dialect;
  try {
    dialect = build();
  } catch (error) {
    return result("not-this", `cannot be dialed this way: ${asError(error).message}`);
  }
  if (dialect.role !== "client") return result("not-this", "the peer dials us (server role): nothing to probe");

  let call: LiveCall;
  try {
    call = await LiveCall.open(dialect, { appRate: APP_RATE, stepMs, tap, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    return refused(subject, asError(error), tap, options.key !== undefined, result);
  }
  try {
    const started = await call.waitFor((e) => e.type === "session-started", stepMs);
    const deviations = oddities(call, subject);
    if (started) return result("speaks", `session started ${Math.round(started.atMs - call.openedAtMs)} ms after the socket opened`, deviations);
    const ended = call.of("session-ended").at(-1);
    if (!ended) return result("deviates", `the socket opened, but no session start came within ${stepMs} ms`, deviations);
    return judgeRefusal(subject, observedClose(call), options.key !== undefined, result, deviations);
  } finally {
    await call.close(1000);
  }
}

/** A connect() that threw: what the bootstrap or the upgrade said. */
function refused(
  subject: ConformanceSubject,
  error: VoxwireError,
  tap: WireTap,
  keyGiven: boolean,
  result: (verdict: ProbeVerdict, detail: string, deviations?: string[]) => ProbeAttempt,
): ProbeAttempt {
  const http = tap.http.at(-1);
  const atBootstrap = tap.dialed === undefined && http !== undefined;
  const where = atBootstrap ? `${http.request.method} ${new URL(http.request.url).pathname}` : "the upgrade";
  const status = isBootstrapError(error) ? error.status : atBootstrap ? http.response?.status : tap.upgrade?.status;
  if (status === undefined) {
    const unreachable = error.code === "network" || error.code === "timeout" || error.code === "aborted";
    return result(unreachable ? "unreachable" : "deviates", `${where}: ${error.message}`);
  }
  if (status === 404 || status === 405) return result("not-this", `${where} → HTTP ${status}`);
  const why = error.message.replace(/^\[[^\]]*\] /, "");
  if (atBootstrap && status >= 200 && status < 300) {
    // A 2xx without the documented body: a web page is not this dialect; other JSON deviates from it.
    return result(looksLikeJson(http.response?.body) ? "deviates" : "not-this", `${where} → HTTP ${status}, but ${why}`);
  }
  if (!atBootstrap && status !== 101 && status >= 200 && status < 300) return result("not-this", `${where} → HTTP ${status}: not a WebSocket`);
  return judgeRefusal(subject, observedRefusal(error, tap.upgrade?.status), keyGiven, result, [], where);
}

function judgeRefusal(
  subject: ConformanceSubject,
  observed: ObservedRefusal,
  keyGiven: boolean,
  result: (verdict: ProbeVerdict, detail: string, deviations?: string[]) => ProbeAttempt,
  deviations: string[],
  where = "",
): ProbeAttempt {
  const seen = `${where ? `${where} → ` : ""}${describeObserved(observed)}`;
  const expected = subject.authRefusal;
  if (expected && matchesRefusal(expected, observed)) {
    const note = keyGiven ? "the key was refused" : "no key given: refused the probe's key";
    return result("refuses-auth", `${seen}: ${note}, the way the dialect documents`, deviations);
  }
  const authLike = observed.errorCode === "auth_failed" || observed.errorCode === "missing_scope" || observed.errorCode === "token_expired";
  if (authLike)
    return result("refuses-auth", `${seen}: an auth refusal, though not the documented one`, [
      ...deviations,
      `refused with ${describeObserved(observed)} instead of the documented refusal`,
    ]);
  return result("deviates", `${seen}`, deviations);
}

/** What a started (or ended) session showed that the dialect does not expect: frames it could not read, messages it does not know. */
function oddities(call: LiveCall, subject: ConformanceSubject): string[] {
  const out = new Set(
    eventOddities(
      call.events.map(({ event }) => event),
      subject,
    ),
  );
  if (call.tap.dialed?.protocols.length && !call.tap.upgrade?.protocol) out.add("no subprotocol echoed");
  return [...out];
}

/** Frames a codec could not read and messages it does not know, from the events it decoded. */
export function eventOddities(events: readonly InboundEvent[], subject: ConformanceSubject): string[] {
  const out = new Set<string>();
  const documented = new Set(subject.documentedMessages ?? []);
  // A pass-through that comes with a mapped event from the same frame (Omni's transcripts) is known.
  const mapped = new Set(events.filter((event) => event.type !== "passthrough" && event.raw !== undefined).map((event) => event.raw));
  for (const event of events) {
    if (event.type === "error" && !event.fatal) out.add(`a frame the dialect could not read (${event.code})`);
    if (event.type === "passthrough" && !mapped.has(event.raw) && !documented.has(event.name))
      out.add(`a message the dialect does not know: "${event.name}"`);
  }
  return [...out];
}

function looksLikeJson(body: string | undefined): boolean {
  const text = body?.trim() ?? "";
  return text.startsWith("{") || text.startsWith("[");
}
