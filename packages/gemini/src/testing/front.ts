import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FrontContext, FrontLink, HandshakeStep, UpgradeContext, UpgradeDecision, VendorFront } from "@voxwire/conformance";
import { sendJson } from "@voxwire/conformance";
import { type ConnectPlan, type InboundEvent, isRecord, type PeerCodec, type WireFrame } from "@voxwire/core";
import { readMessage } from "../message.js";
import { createGeminiPeerCodec } from "../peer-codec.js";
import { GEMINI_TOKEN_PATH } from "../server/mint-token.js";
import {
  DIALECT_NAME,
  GEMINI_API_VERSIONS,
  GEMINI_CONSTRAINED_METHOD,
  GEMINI_FRAME_MS,
  GEMINI_INPUT_RATE,
  GEMINI_METHOD,
  GEMINI_OUTPUT_RATE,
  GEMINI_TOKEN_PREFIX,
  type GeminiApiVersion,
  GeminiClose,
} from "../wire.js";

export interface GeminiFrontOptions {
  /**
   * End every connection this many ms after it starts, with a `goAway` first, as the service
   * ends connections after about ten minutes. Default: never.
   */
  connectionMs?: number;
  /** How long before that end the `goAway` comes, ms. Default a third of `connectionMs`, at most 60 000 (the guide's minute). */
  goAwayMs?: number;
  /** How long an ephemeral token may open a session when the mint names no time, ms. Default 60 000 (the service's). */
  tokenTtlMs?: number;
  /** The clock for token expiry, epoch ms. Default `Date.now`. */
  now?: () => number;
}

/** The refusals this front sends, by close code and reason (the service's codes; its reasons are its own sentences). */
export const GEMINI_FRONT_REFUSALS = {
  badKey: { code: GeminiClose.badRequest, reason: "API key not valid. Please pass a valid API key." },
  badToken: { code: GeminiClose.badRequest, reason: "Access token not valid, expired or already used." },
  notSetup: { code: GeminiClose.badRequest, reason: "The first message must be setup." },
  noModel: { code: GeminiClose.badRequest, reason: "setup.model must name a model: models/..." },
  badHandle: { code: GeminiClose.badRequest, reason: "Session resumption handle not valid." },
} as const;

/** How the front ends a connection after its `goAway`: 1011, as clients observe at the deadline (close-rules.ts). */
export const GEMINI_FRONT_CONNECTION_END = { code: GeminiClose.deadline, reason: "Deadline expired." } as const;

interface IssuedToken {
  newSessionExpiresAt: number;
  usesLeft: number;
}

/**
 * The Gemini Live API's side, for the simulator engine:
 *
 * `GET /ws/google.ai.generativelanguage.{v1beta|v1alpha}.GenerativeService.BidiGenerateContent?key=…`
 *   (an API key) or `…BidiGenerateContentConstrained?access_token=auth_tokens/…` (an ephemeral
 *   token this front minted). A leading `//` is accepted: `@google/genai` builds the URL from its
 *   `baseUrl` plus a trailing slash. Another path → HTTP 404; too many live sessions → HTTP 429
 *   with Google's error body. A refused key → the upgrade completes, then close 1007 with the
 *   service's reason, as the service does (close-rules.ts); a token that is unknown, spent or
 *   past its `newSessionExpireTime` → close 1007 once its setup arrives (a resumption spends no use).
 * `POST /v1alpha/auth_tokens` with `x-goog-api-key` mints `{ name: "auth_tokens/…" }` (uses,
 *   default 1; `newSessionExpireTime`, default 60 s); a bad key → 401, Google's error body.
 *
 * The first message must be `setup` with a `model` (else close 1007); it is answered
 * `setupComplete` and the shared agent starts. With `setup.sessionResumption`, a
 * `sessionResumptionUpdate` with a fresh handle follows `setupComplete` and every
 * `turnComplete`, and `{ resumable: false }` follows a tool call (the guide: not resumable while
 * a call runs). A setup naming a handle this front issued resumes: the agent does not greet
 * again; an unknown handle → close 1007. With `connectionMs`, each connection gets
 * `goAway { timeLeft }` `goAwayMs` before its end, then close 1011.
 */
export function geminiFront(options: GeminiFrontOptions = {}): VendorFront {
  const { connectionMs, tokenTtlMs = 60_000, now = Date.now } = options;
  if (connectionMs !== undefined && !(connectionMs > 0)) throw new Error("geminiFront: connectionMs must be a positive number of ms");
  const goAwayMs = options.goAwayMs ?? (connectionMs === undefined ? 0 : Math.min(60_000, Math.floor(connectionMs / 3)));
  const tokens = new Map<string, IssuedToken>();
  const handles = new Set<string>();

  function issueHandle(sessionId: string): string {
    const handle = `sim-${sessionId}-${randomBytes(12).toString("base64url")}`;
    handles.add(handle);
    return handle;
  }

  async function http(req: IncomingMessage, res: ServerResponse, ctx: FrontContext): Promise<boolean> {
    const url = new URL(normalizePath(req.url), "http://simulator");
    if (url.pathname !== GEMINI_TOKEN_PATH) return false;
    if (req.method !== "POST") {
      req.resume();
      res.setHeader("allow", "POST, OPTIONS");
      sendJson(res, 405, googleError(405, "Method not allowed.", "INVALID_ARGUMENT"));
      return true;
    }
    const body = await readBody(req);
    const header = req.headers["x-goog-api-key"];
    const key = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get("key") ?? undefined;
    if (ctx.checkKey(key) !== "ok") {
      sendJson(res, 401, googleError(401, "API key not valid. Please pass a valid API key.", "UNAUTHENTICATED"));
      return true;
    }
    const uses = typeof body.uses === "number" && Number.isInteger(body.uses) && body.uses >= 0 ? body.uses : 1;
    const asked = typeof body.newSessionExpireTime === "string" ? Date.parse(body.newSessionExpireTime) : Number.NaN;
    const newSessionExpiresAt = Number.isFinite(asked) ? asked : now() + tokenTtlMs;
    for (const [name, token] of tokens) if (token.newSessionExpiresAt < now() - tokenTtlMs) tokens.delete(name);
    const name = `${GEMINI_TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
    tokens.set(name, { newSessionExpiresAt, usesLeft: uses === 0 ? Number.POSITIVE_INFINITY : uses });
    sendJson(res, 200, { name, uses, newSessionExpireTime: new Date(newSessionExpiresAt).toISOString() });
    return true;
  }

  /** A token's verdict; a good one spends a use (a resumption does not: the guide says so). */
  function redeem(name: string | null, resuming: boolean): boolean {
    const token = name === null ? undefined : tokens.get(name);
    if (!token || token.usesLeft <= 0 || now() > token.newSessionExpiresAt) return false;
    if (!resuming) token.usesLeft--;
    return true;
  }

  function upgrade(req: IncomingMessage, ctx: UpgradeContext): UpgradeDecision {
    const url = new URL(normalizePath(req.url), "http://simulator");
    const route = routeOf(url.pathname);
    if (!route) return { type: "reject", status: 404, body: googleError(404, "Not found.", "NOT_FOUND") };
    if (ctx.atCapacity) return { type: "reject", status: 429, body: googleError(429, "Too many concurrent sessions.", "RESOURCE_EXHAUSTED") };
    const keyOk = route.constrained ? true : ctx.checkKey(url.searchParams.get("key") ?? undefined) === "ok";
    const input = { encoding: "pcm16", sampleRate: GEMINI_INPUT_RATE, frameMs: GEMINI_FRAME_MS } as const;
    const plan: ConnectPlan = {
      url: url.pathname,
      audio: { outbound: input, inbound: { encoding: "pcm16", sampleRate: GEMINI_OUTPUT_RATE } },
      secrets: [],
    };
    const connection = new FrontSession(createGeminiPeerCodec(plan), () => issueHandle(ctx.sessionId));
    const details = { apiVersion: route.version, auth: route.constrained ? "token" : "key", origin: req.headers.origin ?? null };

    const handshake = (frame: WireFrame): HandshakeStep => {
      const setup = readSetup(frame);
      if (!setup) return refuse(GEMINI_FRONT_REFUSALS.notSetup);
      if (typeof setup.model !== "string" || !setup.model.startsWith("models/")) return refuse(GEMINI_FRONT_REFUSALS.noModel);
      const resumption = isRecord(setup.sessionResumption) ? setup.sessionResumption : undefined;
      const handle = typeof resumption?.handle === "string" ? resumption.handle : undefined;
      if (handle !== undefined && !handles.has(handle)) return refuse(GEMINI_FRONT_REFUSALS.badHandle);
      if (route.constrained && !redeem(url.searchParams.get("access_token"), handle !== undefined)) return refuse(GEMINI_FRONT_REFUSALS.badToken);
      connection.configure({ resumption: resumption !== undefined, resumed: handle !== undefined });
      if (connectionMs !== undefined) endLater(connectionMs);
      // decode: the setup also reaches the peer codec, as a session-update for the record.
      return { type: "start", decode: true, details: { model: setup.model, resumed: handle !== undefined } };
    };

    let link: FrontLink | undefined;
    /** The service's connection limit: `goAway` with the time left, then the close. */
    const endLater = (ms: number) => {
      link?.after(Math.max(0, ms - goAwayMs), () => link?.send(connection.encode({ type: "session-expiring", inMs: goAwayMs })));
      link?.after(ms, () => link?.close(GEMINI_FRONT_CONNECTION_END.code, GEMINI_FRONT_CONNECTION_END.reason));
    };

    return {
      type: "accept",
      connection: {
        codec: connection,
        rates: { user: GEMINI_INPUT_RATE, agent: GEMINI_OUTPUT_RATE },
        ids: {},
        details,
        ...(keyOk ? {} : { refuse: GEMINI_FRONT_REFUSALS.badKey }),
        handshake,
        attach: (given: FrontLink) => {
          link = given;
        },
      },
    };
  }

  return { dialect: DIALECT_NAME, http, upgrade, malformedFrames };
}

/**
 * One connection's codec as the service behaves around the peer codec: resumption updates after
 * `setupComplete`, each `turnComplete` and each tool call; and on a resumed connection, no second
 * greeting (the agent's first turn is kept off the wire: the conversation goes on).
 */
class FrontSession implements PeerCodec {
  readonly codec: PeerCodec;
  readonly #issue: () => string;
  #resumption = false;
  /** Resumed and the agent's greeting not over yet: its events are held back. */
  #quiet = false;
  /** The held-back greeting has started (its `listening` then ends it). */
  #spoke = false;

  constructor(codec: PeerCodec, issue: () => string) {
    this.codec = codec;
    this.#issue = issue;
  }

  configure(options: { resumption: boolean; resumed: boolean }): void {
    this.#resumption = options.resumption;
    this.#quiet = options.resumed;
  }

  decode(frame: WireFrame) {
    return this.codec.decode(frame);
  }

  encode(event: InboundEvent): WireFrame[] {
    if (this.#quiet && isGreeting(event)) {
      const speaking = event.type === "agent-state" && event.state === "speaking";
      // A second turn (an answer) ends the quiet and is sent; the greeting's end is not.
      if (speaking && this.#spoke) this.#quiet = false;
      else {
        if ((event.type === "agent-state" && event.state === "listening" && this.#spoke) || event.type === "playback-clear") this.#quiet = false;
        if (speaking) this.#spoke = true;
        return [];
      }
    }
    const frames = this.codec.encode(event);
    if (!this.#resumption) return frames;
    const ended = event.type === "session-started" || (event.type === "agent-state" && frames.length > 0);
    if (ended) return [...frames, JSON.stringify({ sessionResumptionUpdate: { newHandle: this.#issue(), resumable: true } })];
    if (event.type === "tool-call") return [...frames, JSON.stringify({ sessionResumptionUpdate: { newHandle: "", resumable: false } })];
    return frames;
  }
}

/** The agent's own turn events (what a resumed connection holds back while the greeting plays). */
function isGreeting(event: InboundEvent): boolean {
  return (
    event.type === "audio-chunk" ||
    event.type === "playback-clear" ||
    (event.type === "agent-state" && event.state !== "thinking") ||
    ((event.type === "transcript-delta" || event.type === "transcript-end") && event.role === "agent")
  );
}

function refuse(refusal: { code: number; reason: string }): HandshakeStep {
  return { type: "refuse", code: refusal.code, reason: refusal.reason, events: [] };
}

/** `//ws/…` (the SDK's double slash) as `/ws/…`, before URL parsing reads `//ws` as a host. */
function normalizePath(raw: string | undefined): string {
  return (raw ?? "/").replace(/^\/{2,}/, "/");
}

function routeOf(pathname: string): { version: GeminiApiVersion; constrained: boolean } | undefined {
  const match = /^\/ws\/google\.ai\.generativelanguage\.([a-z0-9]+)\.GenerativeService\.([A-Za-z]+)$/.exec(pathname);
  if (!match || !GEMINI_API_VERSIONS.includes(match[1] as GeminiApiVersion)) return undefined;
  if (match[2] === GEMINI_METHOD) return { version: match[1] as GeminiApiVersion, constrained: false };
  if (match[2] === GEMINI_CONSTRAINED_METHOD) return { version: match[1] as GeminiApiVersion, constrained: true };
  return undefined;
}

function readSetup(frame: WireFrame): Record<string, unknown> | undefined {
  const read = readMessage(frame);
  if (!read.ok) return undefined;
  const setup = read.message.setup;
  return isRecord(setup) ? setup : undefined;
}

/** Google's error body (`{ error: { code, message, status } }`). */
function googleError(code: number, message: string, status: string) {
  return { error: { code, message, status } };
}

/** A small JSON request body, or {} (a token request body is a few hundred bytes). */
async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) return {};
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/**
 * What the `malformed` fault sends: truncated JSON, a non-object, an empty object, binary that is
 * not UTF-8, and agent audio with invalid base64 and an odd byte count.
 */
function malformedFrames(): WireFrame[] {
  const audio = (data: string) => JSON.stringify({ serverContent: { modelTurn: { parts: [{ inlineData: { mimeType: "audio/pcm", data } }] } } });
  return ['{"serverContent":{"modelTu', "[1,2,3]", "{}", new Uint8Array([0xff, 0xfe, 0x01]), audio("@@not base64@@"), audio("AQID")];
}
