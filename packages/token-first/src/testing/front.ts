import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FrontContext, HandshakeStep, UpgradeContext, UpgradeDecision, VendorFront } from "@voxwire/conformance";
import { sendJson } from "@voxwire/conformance";
import type { ConnectPlan, InboundEvent, PeerCodec, WireFrame } from "@voxwire/core";
import { createTokenFirstPeerCodec } from "../peer-codec.js";
import { TOKEN_FIRST_FRAME_MS, TOKEN_FIRST_SAMPLE_RATE, TOKEN_FRAME_NAME, TOKEN_PATH, TokenFirstClose, TokenFirstErrorCode } from "../wire.js";

/** Where the simulator serves the socket its token answers point at. */
export const TOKEN_FIRST_WS_PATH = "/api/v1/sdk/ws";
/** How long an issued token can be presented, by default. */
export const DEFAULT_TOKEN_TTL_MS = 60_000;

export interface TokenFirstFrontOptions {
  /** How long a token stays valid after it is issued, ms. Default 60 000. */
  tokenTtlMs?: number;
  /** The clock for token expiry, epoch ms (tests move it instead of waiting). Default `Date.now`. */
  now?: () => number;
}

interface IssuedToken {
  expiresAt: number;
  used: boolean;
}

/**
 * The token-first service's side (the token-first guide, docs/sources.md).
 *
 * `POST /api/v1/sdk/token` with `Authorization: Bearer <key>`: 200 `{ token, ws_url }` for a
 * simulator key; 401 `{"error":"invalid_api_key"}` for a missing or unknown key, 403
 * `{"error":"insufficient_scope"}` for a key without the session scope, 403
 * `{"error":"origin_not_allowed"}` for a browser origin outside `allowedOrigins`, 405 for other
 * methods. CORS (and the preflight triggered by the Authorization header of the guide's page) is the engine's.
 * Tokens are random, single-use, and valid for `tokenTtlMs` (default 60 s).
 *
 * `ws_url` is `ws://127.0.0.1:PORT/api/v1/sdk/ws` (any other path: HTTP 404; too many live
 * sessions: HTTP 429 `concurrency_limit_exceeded`). The first message must be `{"token": "…"}`:
 *   - an unknown token, or a first message that is not that object → `error` `invalid_token`;
 *   - a token past its time to live → `error` `token_expired`;
 *   - a token already presented → `error` `token_used`;
 *   each followed by close 4401 with the code as the reason;
 *   - binary audio before the token → `error` `protocol_error`, then close 4400 `protocol_error`.
 * A valid token gets `connected` (with `session_id`), then `agent_ready`, then the shared agent:
 * its greeting and answers as 640-byte binary frames. The shutdown fault sends
 * `session_ended{reason:"server_shutdown"}` before closing 1001. A client's own close gets no
 * `session_ended{reason:"session_closed"}`: no data frame may follow a close frame (RFC 6455
 * §5.5.1), and the guide's client has no stop message to answer instead.
 */
export function tokenFirstFront(options: TokenFirstFrontOptions = {}): VendorFront {
  const ttlMs = options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  const now = options.now ?? Date.now;
  const tokens = new Map<string, IssuedToken>();

  function issue(): string {
    const at = now();
    // Forget tokens long past use, so a long-running simulator does not grow.
    for (const [token, entry] of tokens) if (entry.expiresAt + ttlMs < at) tokens.delete(token);
    const token = `tf_${randomBytes(24).toString("base64url")}`;
    tokens.set(token, { expiresAt: at + ttlMs, used: false });
    return token;
  }

  /** The token's verdict; a valid token is spent by being checked. */
  function redeem(token: string): "ok" | keyof typeof refusals {
    const entry = tokens.get(token);
    if (!entry) return "invalid";
    if (entry.used) return "used";
    entry.used = true;
    return now() >= entry.expiresAt ? "expired" : "ok";
  }

  function http(req: IncomingMessage, res: ServerResponse, ctx: FrontContext): boolean {
    const path = new URL(req.url ?? "/", "http://simulator").pathname;
    if (path !== TOKEN_PATH) return false;
    req.resume(); // the body, if any, carries nothing
    if (req.method !== "POST") {
      res.setHeader("allow", "POST, OPTIONS");
      sendJson(res, 405, { error: "method_not_allowed", message: "use POST" });
      return true;
    }
    if (!ctx.originAllowed(req.headers.origin)) {
      sendJson(res, 403, { error: "origin_not_allowed", message: "this origin may not request session tokens" });
      return true;
    }
    const key = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1];
    const verdict = ctx.checkKey(key);
    if (verdict === "refused") {
      sendJson(res, 401, { error: "invalid_api_key", message: "send Authorization: Bearer <API key>" });
      return true;
    }
    if (verdict === "missing-scope") {
      sendJson(res, 403, { error: "insufficient_scope", message: "this key may not start voice sessions" });
      return true;
    }
    sendJson(res, 200, { token: issue(), ws_url: `${ctx.wsUrl}${TOKEN_FIRST_WS_PATH}` });
    return true;
  }

  function upgrade(req: IncomingMessage, ctx: UpgradeContext): UpgradeDecision {
    const path = new URL(req.url ?? "/", "http://simulator").pathname;
    if (path !== TOKEN_FIRST_WS_PATH) return { type: "reject", status: 404, body: { error: "not_found" } };
    if (!ctx.originAllowed(req.headers.origin)) return { type: "reject", status: 403, body: { error: "origin_not_allowed" } };
    if (ctx.atCapacity) return { type: "reject", status: 429, body: { error: "concurrency_limit_exceeded" } };

    const format = { encoding: "pcm16", sampleRate: TOKEN_FIRST_SAMPLE_RATE, frameMs: TOKEN_FIRST_FRAME_MS } as const;
    const plan: ConnectPlan = { url: path, audio: { outbound: format, inbound: format }, secrets: [] };
    const codec = createTokenFirstPeerCodec(plan);
    return {
      type: "accept",
      connection: {
        codec: announceReadyOnce(codec),
        rates: { user: TOKEN_FIRST_SAMPLE_RATE, agent: TOKEN_FIRST_SAMPLE_RATE },
        ids: { session_id: ctx.sessionId },
        details: { origin: req.headers.origin ?? null, tokenTtlMs: ttlMs },
        handshake: (frame) => handshake(codec, frame),
      },
    };
  }

  function handshake(codec: PeerCodec, frame: WireFrame): HandshakeStep {
    if (typeof frame !== "string") return refusals.audio;
    const [first] = codec.decode(frame);
    const payload = first?.type === "passthrough" && first.name === TOKEN_FRAME_NAME ? (first.payload as { token?: unknown }) : undefined;
    if (typeof payload?.token !== "string") return refusals.invalid;
    const verdict = redeem(payload.token);
    return verdict === "ok" ? { type: "start" } : refusals[verdict];
  }

  return { dialect: "token-first", http, upgrade };
}

/** The documented refusals of a first message: an `error`, then the close. */
const refusals = {
  invalid: refuse(
    TokenFirstClose.tokenRefused,
    TokenFirstErrorCode.invalidToken,
    'the first message must be {"token": "<a token from /api/v1/sdk/token>"}',
  ),
  expired: refuse(TokenFirstClose.tokenRefused, TokenFirstErrorCode.tokenExpired, "the token expired before it was presented; request a new one"),
  used: refuse(TokenFirstClose.tokenRefused, TokenFirstErrorCode.tokenUsed, "the token was already used; tokens are single-use"),
  audio: refuse(TokenFirstClose.protocolError, TokenFirstErrorCode.protocolError, "audio arrived before the token; send the token first"),
} as const;

function refuse(code: number, errorCode: string, message: string): HandshakeStep {
  const event: InboundEvent = { type: "error", code: errorCode, message, fatal: true, retryable: false };
  return { type: "refuse", code, reason: errorCode, events: [event] };
}

/**
 * The service announces `agent_ready` once, right after `connected`, and has no message for the
 * agent's later turn states: those encode to nothing.
 */
function announceReadyOnce(codec: PeerCodec): PeerCodec {
  return {
    decode: (frame) => codec.decode(frame),
    encode(event: InboundEvent): WireFrame[] {
      if (event.type === "session-started") return [...codec.encode(event), ...codec.encode({ type: "agent-state", state: "listening" })];
      if (event.type === "agent-state") return [];
      return codec.encode(event);
    },
  };
}
