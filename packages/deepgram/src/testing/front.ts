import type { IncomingMessage, ServerResponse } from "node:http";
import type { FrontContext, FrontLink, HandshakeStep, UpgradeContext, UpgradeDecision, VendorFront } from "@voxwire/conformance";
import { sendJson } from "@voxwire/conformance";
import { type ConnectPlan, type InboundEvent, isRecord, type PeerCodec, type PeerDecoded, parsePeerJson, type WireFrame } from "@voxwire/core";
import { createDeepgramPeerCodec } from "../peer-codec.js";
import { readAgentConfig } from "../settings.js";
import {
  DEEPGRAM_BEARER_SUBPROTOCOL,
  DEEPGRAM_DEFAULT_SAMPLE_RATE,
  DEEPGRAM_DEFAULT_TOKEN_TTL_S,
  DEEPGRAM_FRAME_MS,
  DEEPGRAM_GRANT_PATH,
  DEEPGRAM_INPUT_RATES,
  DEEPGRAM_OUTPUT_RATES,
  DEEPGRAM_PATH,
  DEEPGRAM_TOKEN_SUBPROTOCOL,
  DeepgramClientMessage,
  DeepgramErrorCode,
  DeepgramServerMessage,
  DIALECT_NAME,
} from "../wire.js";
import { issueToken, type TokenStore } from "./tokens.js";

/** Deepgram documents ~10 s without audio or KeepAlive before it closes (Errors & Warnings, CLIENT_MESSAGE_TIMEOUT). */
export const DEFAULT_IDLE_TIMEOUT_MS = 10_000;
/** After an `Error` the front closes with 1000 and the code as the reason: voxwire's choice (Deepgram documents no close code). */
export const DEEPGRAM_FRONT_ERROR_CLOSE = 1000;

export interface DeepgramFrontOptions {
  /** The linear16 rate the simulated agent hears (`audio.input.sample_rate` must say it). Default 24000. */
  inputSampleRate?: number;
  /** The linear16 rate it speaks at (`audio.output.sample_rate` must say it). Default 24000. */
  outputSampleRate?: number;
  /** A session that sends nothing for this long gets `Error CLIENT_MESSAGE_TIMEOUT`, then the close. 0: never. Default 10 000. */
  idleTimeoutMs?: number;
  /** The clock for token expiry, epoch ms (tests move it instead of waiting). Default `Date.now`. */
  now?: () => number;
}

/**
 * Deepgram Voice Agent's vendor side, for the simulator engine:
 *
 * `POST /v1/auth/grant` with `Authorization: Token <key>` (and an optional `{ ttl_seconds }`)
 *   answers `{ access_token, expires_in }` (30 s by default), as the Token-Based Authentication
 *   reference documents; a missing or unknown key is 401 `{ err_code, err_msg, request_id }`
 *   (ErrorResponseLegacyError; the code `INVALID_AUTH` is voxwire's choice).
 *
 * `GET /v1/agent/converse` upgraded with `Authorization: Token <key>` or `Bearer <granted token>`,
 *   or (browsers) the subprotocols `token`/`bearer` followed by the credential; the scheme word is
 *   echoed, never the credential. Another path → HTTP 404; a refused key or an unknown or expired
 *   token → HTTP 401, a key without the scope → 403, at `maxSessions` → 429, each with Deepgram's
 *   JSON error body ("STT Troubleshooting WebSocket, NET, and DATA Errors": a refused upgrade is
 *   an HTTP error with a body; the engine sends no `dg-error` header).
 *
 * Then `Welcome { request_id }` at once; the first client message must be `Settings` in
 *   linear16 at the front's rates: then `SettingsApplied` and the shared agent (its greeting as
 *   `AgentStartedSpeaking`, `ConversationText`, binary audio, `AgentAudioDone`). Anything else
 *   first (audio included) is `Error NON_SETTINGS_MESSAGE_BEFORE_SETTINGS`; unparsable JSON
 *   `UNPARSABLE_CLIENT_MESSAGE`; a `Settings` in another format, or a second one,
 *   `INVALID_SETTINGS` / `SETTINGS_ALREADY_APPLIED`; a session silent for `idleTimeoutMs`
 *   `CLIENT_MESSAGE_TIMEOUT`. Each `Error` is followed by close 1000 with its code as the reason.
 *   Updates are acknowledged (`PromptUpdated`, `SpeakUpdated`, `ThinkUpdated`).
 */
export function deepgramFront(options: DeepgramFrontOptions = {}): VendorFront {
  const input = options.inputSampleRate ?? DEEPGRAM_DEFAULT_SAMPLE_RATE;
  const output = options.outputSampleRate ?? DEEPGRAM_DEFAULT_SAMPLE_RATE;
  if (!DEEPGRAM_INPUT_RATES.includes(input)) throw new Error(`deepgramFront: inputSampleRate must be one of ${DEEPGRAM_INPUT_RATES.join(", ")}`);
  if (!DEEPGRAM_OUTPUT_RATES.includes(output)) throw new Error(`deepgramFront: outputSampleRate must be one of ${DEEPGRAM_OUTPUT_RATES.join(", ")}`);
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const tokens: TokenStore = { issued: new Map(), now: options.now ?? Date.now };
  return {
    dialect: DIALECT_NAME,
    http: (req, res, ctx) => grant(req, res, ctx, tokens),
    upgrade: (req, ctx) => upgrade(req, ctx, { input, output, idleMs, tokens }),
    malformedFrames,
  };
}

interface Setup {
  readonly input: number;
  readonly output: number;
  readonly idleMs: number;
  readonly tokens: TokenStore;
}

async function grant(req: IncomingMessage, res: ServerResponse, ctx: FrontContext, tokens: TokenStore): Promise<boolean> {
  if (new URL(req.url ?? "/", "http://simulator").pathname !== DEEPGRAM_GRANT_PATH) return false;
  const body = await readBody(req);
  if (req.method !== "POST") {
    res.setHeader("allow", "POST, OPTIONS");
    sendJson(res, 405, legacyError("METHOD_NOT_ALLOWED", "use POST"));
    return true;
  }
  const key = /^token\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1];
  const verdict = ctx.checkKey(key);
  if (verdict === "refused") {
    sendJson(res, 401, legacyError("INVALID_AUTH", "Invalid credentials."));
    return true;
  }
  if (verdict === "missing-scope") {
    sendJson(res, 403, legacyError("INSUFFICIENT_PERMISSIONS", "this key may not grant tokens"));
    return true;
  }
  let ttl = DEEPGRAM_DEFAULT_TOKEN_TTL_S;
  const asked = body ? (safeParse(body) as { ttl_seconds?: unknown } | undefined)?.ttl_seconds : undefined;
  if (asked !== undefined) {
    if (typeof asked !== "number" || !(asked > 0) || asked > 3600) {
      sendJson(res, 400, legacyError("INVALID_TTL", "ttl_seconds must be a number of seconds above 0 and at most 3600"));
      return true;
    }
    ttl = asked;
  }
  sendJson(res, 200, { access_token: issueToken(tokens, ttl * 1000), expires_in: ttl });
  return true;
}

function upgrade(req: IncomingMessage, ctx: UpgradeContext, setup: Setup): UpgradeDecision {
  const url = new URL(req.url ?? "/", "http://simulator");
  if (url.pathname !== DEEPGRAM_PATH) return reject(404, "NOT_FOUND", "no such endpoint");
  const credential = credentialOf(req);
  const verdict =
    credential?.scheme === "bearer"
      ? tokenVerdict(setup.tokens, credential.value)
      : credential
        ? ctx.checkKey(credential.value)
        : ctx.checkKey(undefined);
  if (verdict === "expired") return reject(401, "INVALID_AUTH", "the token has expired");
  if (verdict === "refused") return reject(401, "INVALID_AUTH", "Invalid credentials.");
  if (verdict === "missing-scope") return reject(403, "INSUFFICIENT_PERMISSIONS", "the key may not use the Voice Agent API");
  if (ctx.atCapacity) return reject(429, "TOO_MANY_REQUESTS", "too many live sessions");

  const plan: ConnectPlan = {
    url: url.pathname,
    audio: {
      outbound: { encoding: "pcm16", sampleRate: setup.input, frameMs: DEEPGRAM_FRAME_MS },
      inbound: { encoding: "pcm16", sampleRate: setup.output },
    },
    secrets: [],
  };
  const requestId = `voxwire-${ctx.sessionId}`;
  const connection = new AgentConnection(createDeepgramPeerCodec(plan), setup, requestId);
  return {
    type: "accept",
    ...(credential?.viaProtocol ? { protocol: credential.scheme } : {}),
    connection: {
      codec: connection.codec,
      rates: { user: setup.input, agent: setup.output },
      ids: { request_id: requestId },
      details: {
        auth: credential ? `${credential.scheme}${credential.viaProtocol ? " (subprotocol)" : ""}` : "none",
        origin: req.headers.origin ?? null,
      },
      handshake: (frame) => connection.handshake(frame),
      attach: (link) => connection.attach(link),
    },
  };
}

/**
 * One accepted connection: `Welcome` on open, the `Settings` handshake, the idle timer, and the
 * messages the shared agent has no event for (update acknowledgements, a second `Settings`). The
 * engine's `session-started` comes right after the handshake's start and encodes to nothing
 * here: the `Welcome` already went out.
 */
class AgentConnection {
  readonly codec: PeerCodec;
  readonly #peer: PeerCodec;
  readonly #setup: Setup;
  readonly #requestId: string;
  #link: FrontLink | undefined;
  #lastHeard = Date.now();

  constructor(peer: PeerCodec, setup: Setup, requestId: string) {
    this.#peer = peer;
    this.#setup = setup;
    this.#requestId = requestId;
    this.codec = { encode: (event) => this.#encode(event), decode: (frame) => this.#decode(frame) };
  }

  attach(link: FrontLink): void {
    this.#link = link;
    link.send(this.#peer.encode({ type: "session-started", ids: { request_id: this.#requestId } }));
    if (this.#setup.idleMs > 0) this.#armIdle(this.#setup.idleMs);
  }

  handshake(frame: WireFrame): HandshakeStep {
    this.#heard();
    if (typeof frame !== "string") return refuse(DeepgramErrorCode.beforeSettings, "binary audio arrived before Settings");
    const message = safeParse(frame);
    if (!isRecord(message) || typeof message.type !== "string")
      return refuse(DeepgramErrorCode.unparsable, "the message is not a JSON object with a type");
    if (message.type !== DeepgramClientMessage.settings) {
      return refuse(DeepgramErrorCode.beforeSettings, `${message.type.slice(0, 64)} arrived before Settings`);
    }
    const problem = this.#formatProblem(message);
    if (problem) return refuse(DeepgramErrorCode.invalidSettings, problem);
    const command: PeerDecoded = { type: "session-update", agent: readAgentConfig(message.agent) };
    return { type: "start", commands: [command] };
  }

  #encode(event: InboundEvent): WireFrame[] {
    // Welcome went out on open; the agent's first "listening", right after, is SettingsApplied.
    if (event.type === "session-accepted" || event.type === "session-started") return [];
    return this.#peer.encode(event);
  }

  #decode(frame: WireFrame): PeerDecoded[] {
    this.#heard();
    const commands = this.#peer.decode(frame);
    const first = commands[0];
    if (typeof frame === "string" && first?.type === "session-update") {
      const type = messageType(frame);
      if (type === DeepgramClientMessage.settings) {
        this.#fail(DeepgramErrorCode.settingsAlreadyApplied, "Settings were already applied; open a new connection to change them");
        return [];
      }
      const ack = ACKS[type ?? ""];
      if (ack) this.#link?.send([JSON.stringify({ type: ack })]);
    }
    return commands;
  }

  /** Why this `Settings` cannot run here (another encoding or rate than the simulator's), or undefined. */
  #formatProblem(message: Record<string, unknown>): string | undefined {
    if (!isRecord(message.agent) && typeof message.agent !== "string") return "Settings needs an agent object";
    const audio = isRecord(message.audio) ? message.audio : {};
    const input = isRecord(audio.input) ? audio.input : {};
    const output = isRecord(audio.output) ? audio.output : {};
    if ((input.encoding ?? "linear16") !== "linear16" || (input.sample_rate ?? DEEPGRAM_DEFAULT_SAMPLE_RATE) !== this.#setup.input) {
      return `the simulator hears linear16 at ${this.#setup.input} Hz only`;
    }
    if ((output.encoding ?? "linear16") !== "linear16" || (output.sample_rate ?? DEEPGRAM_DEFAULT_SAMPLE_RATE) !== this.#setup.output) {
      return `the simulator speaks linear16 at ${this.#setup.output} Hz only`;
    }
    if ((output.container ?? "none") !== "none") return 'the simulator sends raw audio only (container "none")';
    return undefined;
  }

  #heard(): void {
    this.#lastHeard = Date.now();
  }

  /** One timer per session, re-armed for what is left rather than reset on every frame. */
  #armIdle(ms: number): void {
    this.#link?.after(ms, () => {
      const silentFor = Date.now() - this.#lastHeard;
      if (silentFor < this.#setup.idleMs) this.#armIdle(this.#setup.idleMs - silentFor);
      else this.#fail(DeepgramErrorCode.clientMessageTimeout, `no message from the client for ${this.#setup.idleMs} ms`);
    });
  }

  #fail(code: string, description: string): void {
    this.#link?.send([JSON.stringify({ type: DeepgramServerMessage.error, description, code })]);
    this.#link?.close(DEEPGRAM_FRONT_ERROR_CLOSE, code);
  }
}

/** The acknowledgement each update gets (AgentV1PromptUpdated, AgentV1SpeakUpdated, AgentV1ThinkUpdated). */
const ACKS: Readonly<Record<string, string>> = {
  [DeepgramClientMessage.updatePrompt]: "PromptUpdated",
  [DeepgramClientMessage.updateSpeak]: "SpeakUpdated",
  [DeepgramClientMessage.updateThink]: "ThinkUpdated",
};

/** An `Error` then the close, before the session started. */
function refuse(code: string, description: string): HandshakeStep {
  const error: InboundEvent = {
    type: "error",
    code: "vendor_error",
    message: description,
    fatal: true,
    retryable: false,
    raw: JSON.stringify({ type: "Error", description, code }),
  };
  return { type: "refuse", code: DEEPGRAM_FRONT_ERROR_CLOSE, reason: code, events: [error] };
}

/** The credential of an upgrade: the Authorization header, else the `token`/`bearer` subprotocol pair. */
function credentialOf(req: IncomingMessage): { scheme: "token" | "bearer"; value: string; viaProtocol: boolean } | undefined {
  const header = /^(token|bearer)\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  if (header) return { scheme: header[1]!.toLowerCase() as "token" | "bearer", value: header[2]!, viaProtocol: false };
  const offered = (req.headers["sec-websocket-protocol"] ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  for (const scheme of [DEEPGRAM_TOKEN_SUBPROTOCOL, DEEPGRAM_BEARER_SUBPROTOCOL] as const) {
    const at = offered.indexOf(scheme);
    if (at >= 0 && offered[at + 1] !== undefined) return { scheme, value: offered[at + 1]!, viaProtocol: true };
  }
  return undefined;
}

function tokenVerdict(tokens: TokenStore, token: string): "ok" | "refused" | "expired" {
  const expiresAt = tokens.issued.get(token);
  if (expiresAt === undefined) return "refused";
  return tokens.now() >= expiresAt ? "expired" : "ok";
}

function reject(status: number, errCode: string, errMsg: string): UpgradeDecision {
  return { type: "reject", status, body: legacyError(errCode, errMsg) };
}

/** Deepgram's REST error body (ErrorResponseLegacyError in the SDK's types). */
function legacyError(errCode: string, errMsg: string): Record<string, string> {
  return { err_code: errCode, err_msg: errMsg, request_id: "voxwire-simulator" };
}

function messageType(frame: string): string | undefined {
  const parsed = safeParse(frame);
  return isRecord(parsed) && typeof parsed.type === "string" ? parsed.type : undefined;
}

function safeParse(text: string): unknown {
  try {
    return parsePeerJson(text);
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 64 * 1024) break;
  }
  return body;
}

/**
 * What the `malformed` fault sends: truncated JSON, a non-object, no type, an odd-length binary
 * frame, and a `ConversationText` whose content is not a string.
 */
function malformedFrames(): WireFrame[] {
  return [
    '{"type":"ConversationTe',
    "[1,2,3]",
    '{"no_type":true}',
    new Uint8Array([1, 2, 3]),
    JSON.stringify({ type: "ConversationText", role: "user", content: 7 }),
  ];
}
