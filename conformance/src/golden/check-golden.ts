import { isDeepStrictEqual } from "node:util";
import {
  type ConnectPlan,
  type Dialect,
  type DialectCodec,
  type DialectEnv,
  errorEvent,
  type HttpResponseData,
  type InboundEvent,
  type PeerCodec,
  type Preparation,
  REDACTED,
  runBootstrap,
  SecretSet,
  VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import type { ClientTarget } from "../client-target.js";
import { offlineEnv } from "../offline-env.js";
import { brief, compareEvents, type WireEvent } from "./golden-event.js";
import { compareFrames, describeFrame, frameFromJson } from "./golden-frame.js";
import type { GoldenConnectLine, GoldenFrameLine, GoldenRequestLine, GoldenResponseLine } from "./golden-line.js";
import type { GoldenEntry, GoldenFile } from "./read-golden.js";

/** The dialect under test, built from a target: a registry entry, or an adapter's own factory. */
export interface GoldenSubject {
  readonly name: string;
  client(target: ClientTarget): Dialect;
}

/** The base URL and key a golden file's dialect is built with unless its header names them. */
export const GOLDEN_BASE_URL = "https://golden.invalid";
export const GOLDEN_KEY = "voxwire-golden-key";

export interface GoldenLineResult {
  readonly lineNo: number;
  /** `in text {"type":"hello"}`, `out binary of 960 bytes`, `close 4401`, … */
  readonly summary: string;
  /** What was checked: `client decode`, `peer encode`, … */
  readonly checks: string[];
  /** Empty when the line passed. */
  readonly problems: string[];
}

export interface GoldenFileReport {
  readonly path: string;
  readonly scenario: string;
  readonly dialect: string;
  readonly title: string;
  readonly source: readonly string[];
  /** Problems with the file as a whole (the dialect could not be built, the header's audio differs from the plan). */
  readonly problems: string[];
  readonly lines: GoldenLineResult[];
  readonly passed: boolean;
}

/**
 * Replays one golden file through a dialect, both roles, in order (codecs keep state across
 * lines, as on a wire). For a frame coming in, the client's `decode` must give the golden events
 * and the peer's `encode` of those events the golden frame; for a frame going out, the client's
 * `encode` must give the frame and the peer's `decode` the events. Closes, upgrade refusals and
 * the bootstrap request and answer are checked against the client side. Never throws: a codec
 * that throws is a problem on its line.
 */
export async function checkGoldenFile(file: GoldenFile, subject: GoldenSubject): Promise<GoldenFileReport> {
  const { header } = file;
  const problems: string[] = [];
  const lines: GoldenLineResult[] = [];
  const report = (): GoldenFileReport => ({
    path: file.path,
    scenario: file.scenario,
    dialect: header.dialect,
    title: header.title,
    source: typeof header.source === "string" ? [header.source] : header.source,
    problems,
    lines,
    passed: problems.length === 0 && lines.every((line) => line.problems.length === 0),
  });
  if (header.dialect !== subject.name) problems.push(`the file is for ${header.dialect}, the subject is ${subject.name}`);

  const target: ClientTarget = {
    url: header.target?.url ?? GOLDEN_BASE_URL,
    key: header.target?.key ?? GOLDEN_KEY,
    ...(header.target?.agentId !== undefined ? { agentId: header.target.agentId } : {}),
    ...(header.target?.sampleRate !== undefined ? { sampleRate: header.target.sampleRate } : {}),
  };
  const env: DialectEnv = {
    runtime: "node",
    now: header.now ? Date.parse(header.now) : Date.now(),
    ...(header.agent !== undefined ? { agent: header.agent } : {}),
  };
  let dialect: Dialect;
  let preparation: Preparation;
  try {
    dialect = subject.client(target);
    preparation = dialect.prepare(env);
  } catch (error) {
    problems.push(`building the dialect failed: ${messageOf(error)}`);
    return report();
  }

  let plan: ConnectPlan | undefined;
  const adoptPlan = (next: ConnectPlan, from: string) => {
    plan = next;
    if (!isDeepStrictEqual(next.audio, header.audio)) problems.push(`${from} has audio ${brief(next.audio)}, the header says ${brief(header.audio)}`);
  };
  if (preparation.kind === "plan") adoptPlan(preparation.plan, "the dialect's plan");

  let codecs: { client: DialectCodec; peer: PeerCodec | undefined } | undefined;
  const getCodecs = () => {
    if (!codecs) {
      const used = plan ?? { url: "ws://golden.invalid/", audio: header.audio, secrets: [] };
      const client = dialect.createCodec(used, offlineEnv(header.agent !== undefined ? { agent: header.agent } : {}));
      codecs = { client, peer: dialect.createPeerCodec?.(used) };
      openFrames = [...(used.firstFrames ?? []), ...(client.open?.() ?? [])];
    }
    return codecs;
  };
  /** What goes out as the socket opens: the plan's first frames, then the codec's `open()`. */
  let openFrames: WireFrame[] = [];
  let planFrames = 0;
  /** Frames the last `out` line's events encoded to beyond its own, for `follows` lines. */
  let following: WireFrame[] = [];
  let followingOwner: GoldenLineResult | undefined;
  /** Frames an `out` line encoded to that no `follows` line took are a problem of that line. */
  const settleFollowing = () => {
    if (following.length > 0) followingOwner?.problems.push(`client encode: ${following.length} more frame(s) than the file has (add follows lines)`);
    following = [];
  };
  /** What the client's `takeReplies()` gave after the `in` frames so far, not yet matched by a `reply` line. */
  const replies: WireFrame[] = [];

  for (const entry of file.entries) {
    const result: GoldenLineResult = { lineNo: entry.lineNo, summary: summarize(entry), checks: [], problems: [] };
    lines.push(result);
    const check = async (what: string, run: () => string[] | Promise<string[]>) => {
      result.checks.push(what);
      try {
        result.problems.push(...(await run()).map((p) => `${what}: ${p}`));
      } catch (error) {
        result.problems.push(`${what} threw: ${messageOf(error)}`);
      }
    };
    const { line, events } = entry;
    if (!("frame" in line && line.follows)) settleFollowing();

    if ("frame" in line) {
      const frame = frameFromJson(line.frame);
      if (line.dir === "in") {
        await check("client decode", () => {
          const { client } = getCodecs();
          const decoded = client.decode(frame);
          replies.push(...(client.takeReplies?.() ?? []));
          return compareEvents(decoded, line.events);
        });
        await mirror(line, () =>
          check("peer encode", () =>
            compareFrames(
              mirrorEvents(events, frame).flatMap((e) => peerOf().encode(e)),
              [frame],
            ),
          ),
        );
      } else if (line.plan) {
        const index = planFrames++;
        await check("connect plan", () => {
          getCodecs();
          const expected = openFrames[index];
          return expected === undefined
            ? [`nothing is sent at open as frame #${index + 1} (plan firstFrames, then the codec's open())`]
            : compareFrames([expected], [frame]);
        });
        await mirror(line, () => check("peer decode", () => compareEvents(peerOf().decode(frame), line.events)));
      } else if (line.reply) {
        await check("codec reply", () => {
          const owed = replies.shift();
          return owed === undefined ? ["the codec owes no reply here (takeReplies gave none)"] : compareFrames([owed], [frame]);
        });
        await mirror(line, () => check("peer decode", () => compareEvents(peerOf().decode(frame), line.events)));
      } else if (line.follows) {
        const expected = following.shift();
        await check("client encode", () =>
          expected === undefined ? ["the previous out line's events encoded to no further frame"] : compareFrames([expected], [frame]),
        );
        await mirror(line, () => check("peer decode", () => compareEvents(peerOf().decode(frame), line.events)));
      } else {
        await check("client encode", () => {
          const encoded = events.flatMap((e) => getCodecs().client.encode(e as never));
          // Frames past the first belong to the `follows` lines after this one.
          following = encoded.slice(1);
          followingOwner = result;
          return compareFrames(encoded.slice(0, 1), [frame]);
        });
        await mirror(line, () => check("peer decode", () => compareEvents(peerOf().decode(frame), line.events)));
      }
    } else if ("connect" in line) {
      await check("connect plan", () =>
        plan ? compareConnect(plan, target, line) : ["no connect plan: the dialect bootstraps, and no answer came before this line"],
      );
    } else if ("close" in line) {
      await check("client close", () => compareEvents(getCodecs().client.close(line.close.code, line.close.reason), line.events));
    } else if ("upgrade" in line) {
      await check("client upgrade refusal", () =>
        compareEvents([errorEvent(getCodecs().client.upgradeRejected(line.upgrade.status, line.upgrade.body))], line.events),
      );
    } else if ("request" in line) {
      await check("bootstrap request", () => compareRequest(preparation, target, line));
    } else {
      await check("bootstrap response", () => checkResponse(preparation, line, env, adoptPlan, subject.name));
    }

    /** The mirror side needs a peer codec; a one-way line says why it has none. */
    async function mirror(frameLine: GoldenFrameLine, run: () => Promise<void>): Promise<void> {
      if (frameLine.oneWay !== undefined) return;
      if (!getCodecs().peer) {
        result.checks.push("peer (none: the dialect has no peer codec)");
        return;
      }
      await run();
    }
  }
  settleFollowing();
  return report();

  function peerOf(): PeerCodec {
    return getCodecs().peer!;
  }
}

/**
 * What a peer encodes to produce an incoming frame: the decoded events, each carrying the frame
 * as `raw` (a pass-through is its frame), without the pass-through that accompanies a mapped
 * event (Omni's transcripts), which is the same frame again.
 */
export function mirrorEvents(events: readonly WireEvent[], frame: WireFrame): InboundEvent[] {
  const inbound = events as readonly InboundEvent[];
  const kept = inbound.length === 1 ? inbound : inbound.filter((e) => e.type !== "passthrough");
  return kept.map((e) => ({ ...e, raw: frame }) as InboundEvent);
}

function compareRequest(preparation: Preparation, target: ClientTarget, line: GoldenRequestLine): string[] {
  if (preparation.kind !== "bootstrap") return ["the dialect makes no bootstrap request"];
  const { request } = preparation;
  const secrets = new SecretSet().add(...[target.key, ...request.secrets].filter((s) => !s.includes(REDACTED)));
  const problems: string[] = [];
  const golden = line.request;
  if (request.method !== golden.method) problems.push(`method ${request.method}, expected ${golden.method}`);
  const url = secrets.redact(request.url);
  if (url !== golden.url) problems.push(`URL ${url}, expected ${golden.url}`);
  problems.push(...missingHeaders(request.headers, golden.headers, secrets));
  const body = request.body === undefined ? undefined : secrets.redact(request.body);
  if (!bodiesEqual(body, golden.body)) problems.push(`body ${brief(body)}, expected ${brief(golden.body)}`);
  return problems;
}

function compareConnect(plan: ConnectPlan, target: ClientTarget, line: GoldenConnectLine): string[] {
  // Redact the credentials inside the URL and subprotocols but keep their shape: a whole URL, or
  // a secret that wraps another (`pyai-key.<KEY>`), would hide it all. Their parts are listed too.
  // A recorded plan's secrets are already the marker; redacting the marker with itself would blank it all.
  const all = [target.key, ...plan.secrets].filter((s) => !s.includes(REDACTED));
  const wraps = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || all.some((inner) => inner.length >= 4 && inner !== s && s.includes(inner));
  const secrets = new SecretSet().add(...all.filter((s) => !wraps(s)));
  const golden = line.connect;
  const problems: string[] = [];
  const url = secrets.redact(plan.url);
  if (url !== golden.url) problems.push(`URL ${url}, expected ${golden.url}`);
  const protocols = (plan.protocols ?? []).map((p) => secrets.redact(p));
  if (!isDeepStrictEqual(protocols, golden.protocols ?? []))
    problems.push(`subprotocols ${brief(protocols)}, expected ${brief(golden.protocols ?? [])}`);
  problems.push(...missingHeaders(plan.headers ?? {}, golden.headers ?? {}, secrets));
  return problems;
}

/** Every golden header must be sent with its value (redacted); a dialect may send more. */
function missingHeaders(actual: Readonly<Record<string, string>>, golden: Readonly<Record<string, string>>, secrets: SecretSet): string[] {
  const sent = lowerKeys(Object.fromEntries(Object.entries(actual).map(([k, v]) => [k, secrets.redact(v)])));
  return Object.entries(lowerKeys(golden)).flatMap(([name, value]) =>
    sent[name] === value ? [] : [sent[name] === undefined ? `header ${name} not sent` : `header ${name}: ${sent[name]}, expected ${value}`],
  );
}

async function checkResponse(
  preparation: Preparation,
  line: GoldenResponseLine,
  env: DialectEnv,
  adoptPlan: (plan: ConnectPlan, from: string) => void,
  dialect: string,
): Promise<string[]> {
  if (preparation.kind !== "bootstrap") return ["the dialect makes no bootstrap request"];
  const { status, headers = {} } = line.response;
  const body = typeof line.response.body === "string" ? line.response.body : JSON.stringify(line.response.body);
  const ok = preparation.request.okStatuses ? preparation.request.okStatuses.includes(status) : status >= 200 && status < 300;
  const expected = line.events ?? [];
  if (!ok) {
    // A refusal is the runtime's to report: run it with this answer and compare its error.
    const response = new Response(status === 204 || status === 304 ? null : body, { status, headers });
    const fetchOnce = (async () => response) as typeof fetch;
    const context = { fetch: fetchOnce, signal: undefined, timeoutMs: 1000, secrets: new SecretSet(), dialect };
    try {
      await runBootstrap(preparation.request, context);
      return ["the runtime accepted a refusal"];
    } catch (error) {
      return compareEvents([errorEvent(asVoxwireError(error))], expected);
    }
  }
  const data: HttpResponseData = { status, headers: lowerKeys(headers), body };
  try {
    const plan = preparation.parse(data, env);
    if (expected.length > 0) return [`parsed into a plan, expected ${brief(expected[0])}`];
    adoptPlan(plan, "the plan parsed from this answer");
    return [];
  } catch (error) {
    if (expected.length === 0) return [`parse threw: ${messageOf(error)}`];
    return compareEvents([errorEvent(asVoxwireError(error))], expected);
  }
}

function summarize(entry: GoldenEntry): string {
  const { line } = entry;
  if ("frame" in line) return `${line.dir}${line.plan ? " (plan)" : ""} ${describeFrame(frameFromJson(line.frame))}`;
  if ("close" in line) return `in close ${line.close.code}${line.close.reason ? ` ${line.close.reason}` : ""}`;
  if ("upgrade" in line) return `in upgrade refused with HTTP ${line.upgrade.status}`;
  if ("connect" in line) return `out connect ${line.connect.url}`;
  if ("request" in line) return `out ${line.request.method} ${line.request.url}`;
  return `in HTTP ${line.response.status}`;
}

function bodiesEqual(actual: string | undefined, golden: unknown): boolean {
  if (golden === undefined || actual === undefined) return golden === actual;
  if (typeof golden === "string") return actual === golden;
  try {
    return isDeepStrictEqual(JSON.parse(actual), golden);
  } catch {
    return false;
  }
}

function lowerKeys(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
}

function asVoxwireError(error: unknown): VoxwireError {
  return VoxwireError.isInstance(error) ? error : new VoxwireError(messageOf(error), { code: "unexpected_throw" });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
