import { type DialectEnv, type InboundEvent, redactUrl, SecretSet, urlSecrets, type WireFrame } from "@voxwire/core";
import { WebSocket } from "ws";
import { offlineEnv } from "../offline-env.js";
import { asError } from "./conversation.js";
import type { ConformanceSubject } from "./live-subject.js";
import {
  DEFAULT_PROBE_STEP_MS,
  eventOddities,
  marksIn,
  PROBE_KEY,
  type ProbeAttempt,
  type ProbeOptions,
  type ProbeReport,
  type ProbeVerdict,
  probeDialect,
  ranked,
  SCORE,
} from "./probe.js";

/** The most frames a passive look keeps. */
const MAX_OBSERVED_FRAMES = 256;
/** How long a passive look keeps reading after the first frame: a session's opening burst. */
const SETTLE_MS = 300;

/**
 * `probe` for a socket URL a user already has (a created call's join URL, an endpoint at a path
 * none of the dialects build): no bootstrap call. First a passive look: a plain socket that sends
 * nothing and reads what the server opens with. Each dialect that can dial a bare URL
 * (`socketClient`) then reads those frames with its own codec; one that reads a session start
 * from them speaks it, and the vendor's own fields (`probeMarks`) rank look-alikes. Only if no
 * dialect reads a session start there (the server waits for the client, or refused the plain
 * socket) does each dialect dial the URL itself, as `probe` does. A join URL may be single-use:
 * the passive look is then the only session it gives.
 */
export async function probeSocket(wsUrl: string, subjects: readonly ConformanceSubject[], options: ProbeOptions = {}): Promise<ProbeReport> {
  // A join URL is a bearer capability: its ids and tokens never reach the report.
  const hidden = [...urlSecrets(wsUrl), ...(options.key ? [options.key] : [])];
  const secrets = new SecretSet().add(...hidden);
  const stepMs = options.stepMs ?? DEFAULT_PROBE_STEP_MS;
  const dialable = subjects.filter((s) => s.socketClient);
  const target = { wsUrl, key: options.key ?? PROBE_KEY };
  options.onProgress?.("a plain socket");
  const frames = await observe(wsUrl, stepMs, options.signal);
  const passive = frames.length > 0 ? dialable.map((s) => judgeFrames(s, frames, target)) : [];
  const attempts = passive.some((a) => a.verdict === "speaks")
    ? passive
    : await sequentially(dialable, (subject) => {
        options.onProgress?.(subject.name);
        return probeDialect(subject, () => subject.socketClient!(target), options);
      });
  const clean = attempts.map((a) => ({ ...a, detail: secrets.redact(a.detail), deviations: a.deviations.map((d) => secrets.redact(d)) }));
  return ranked(redactUrl(wsUrl, hidden), clean);
}

async function sequentially<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await run(item));
  return out;
}

/** One dialect's reading of what the plain socket was sent. */
function judgeFrames(subject: ConformanceSubject, frames: readonly WireFrame[], target: { wsUrl: string; key: string }): ProbeAttempt {
  const result = (verdict: ProbeVerdict, detail: string, deviations: string[] = [], marks: string[] = []): ProbeAttempt => ({
    dialect: subject.name,
    verdict,
    score: SCORE[verdict],
    ...(marks.length > 0 ? { marks } : {}),
    detail: marks.length > 0 ? `${detail}; its vendor's own fields: ${marks.join(", ")}` : detail,
    deviations,
    ms: 0,
  });
  let events: InboundEvent[];
  try {
    const env: DialectEnv = offlineEnv();
    const dialect = subject.socketClient!(target);
    const preparation = dialect.prepare(env);
    if (preparation.kind !== "plan") return result("not-this", "dials a bare socket URL only after a bootstrap call");
    const codec = dialect.createCodec(preparation.plan, env);
    events = frames.flatMap((frame) => codec.decode(frame));
  } catch (error) {
    return result("not-this", `cannot read this socket: ${asError(error).message}`);
  }
  const count = `${frames.length} frame${frames.length === 1 ? "" : "s"}`;
  if (!events.some((e) => e.type === "session-started")) {
    return result("not-this", `read no session start from the ${count} a plain socket was sent`);
  }
  const deviations = eventOddities(events, subject);
  return result("speaks", `a plain socket was sent a session start (read from ${count}, nothing sent)`, deviations, marksIn(frames, subject));
}

/** A plain socket to the URL: what it is sent within the deadline (or 300 ms after the first frame), then closed. */
function observe(url: string, stepMs: number, signal: AbortSignal | undefined): Promise<WireFrame[]> {
  return new Promise((resolve) => {
    const frames: WireFrame[] = [];
    let socket: WebSocket;
    let settle: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      clearTimeout(settle);
      signal?.removeEventListener("abort", finish);
      try {
        if (socket.readyState === WebSocket.OPEN) socket.close(1000);
        else socket.terminate();
      } catch {
        // already gone
      }
      resolve(frames);
    };
    const deadline = setTimeout(finish, stepMs);
    signal?.addEventListener("abort", finish, { once: true });
    try {
      socket = new WebSocket(url, { handshakeTimeout: stepMs });
    } catch {
      finish();
      return;
    }
    socket.on("message", (data, isBinary) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
      frames.push(isBinary ? new Uint8Array(bytes) : bytes.toString("utf8"));
      settle ??= setTimeout(finish, SETTLE_MS);
      if (frames.length >= MAX_OBSERVED_FRAMES) finish();
    });
    // A refused upgrade or a dead socket: nothing was sent (each dialect then dials for itself).
    socket.on("unexpected-response", (_req, res) => {
      res.resume();
      finish();
    });
    socket.on("error", finish);
    socket.on("close", finish);
  });
}
