import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FrontContext, UpgradeContext, UpgradeDecision, VendorFront } from "@voxwire/conformance";
import { sendJson } from "@voxwire/conformance";
import type { ConnectPlan, WireFrame } from "@voxwire/core";
import { createOrbitaliPeerCodec } from "../peer-codec.js";
import { isValidAgentId } from "../validate.js";
import { ORBITALI_ENCODING, ORBITALI_FRAME_MS, ORBITALI_TOKEN_CLOSE, ORBITALI_TOKEN_TTL_MS, OrbitaliTokenRefusal } from "../wire.js";

/** The agent id of the document's example; the simulator accepts any well-formed id unless `agents` is set. */
export const ORBITALI_SAMPLE_AGENT = "9dbf0d0b-2b55-45de-8c41-7a2d9b0ce8e9";

export interface OrbitaliFrontOptions {
  /** How long a minted token may wait before its socket opens. Default 60 s, as documented. */
  tokenTtlMs?: number;
  /** The rates the `protocol` block declares. Default 16 kHz in, 24 kHz out, as documented. */
  inputRate?: number;
  outputRate?: number;
  /** Clock for token expiry, epoch ms (tests move it instead of waiting). */
  now?: () => number;
}

/** `POST /public/v1/agents/{agentId}/realtime-sessions`. */
const SESSIONS_ROUTE = /^\/public\/v1\/agents\/([^/]*)\/realtime-sessions$/;
/** `/ws/agents/{agentId}?token=…`, the `websocketUrl` the route returns. */
const SOCKET_ROUTE = /^\/ws\/agents\/([^/]*)$/;

interface IssuedToken {
  agentId: string;
  expiresAt: number;
  used: boolean;
}

/**
 * Orbitali's vendor side (the Orbitali guide, docs/sources.md). Per simulator (tokens live in the front):
 *
 * `POST /public/v1/agents/{agentId}/realtime-sessions`, `Authorization: Bearer <key>`:
 *   no or unknown key → 401 `invalid_api_key`; key without the session scope → 403
 *   `missing_scope`; malformed agent id → 400 `invalid_agent_id`; unknown agent (when the
 *   simulator lists agents) → 404 `agent_not_found`; at `maxSessions` → 429
 *   `concurrency_limit_exceeded`; else 200 `{ token, expiresAt, websocketUrl, protocol }`, the
 *   token single-use and valid for `tokenTtlMs`. Errors are `{ error: { code, message } }`.
 *
 * `GET /ws/agents/{agentId}?token=…` (upgrade): another path → HTTP 404. A bad token is refused
 *   after the upgrade, with close 4401 and the reason `token_invalid` (unknown, or for another
 *   agent), `token_expired` or `token_already_used`: a browser sees a close code and reason, while
 *   an HTTP 401 at the upgrade reaches it only as "connection failed". At `maxSessions`: close 4429
 *   `concurrency_limit_exceeded`, for the same reason.
 *
 * Then JSON text only: `session.started { callId }`, `output_audio` (base64 PCM16 at the output
 * rate), `clear` on barge-in, `transcript { role: "assistant" | "user", text }` per turn; the
 * client's `input_audio` is read at the input rate and `stop` ends the session (close 1000).
 */
export function orbitaliFront(options: OrbitaliFrontOptions = {}): VendorFront {
  const ttlMs = options.tokenTtlMs ?? ORBITALI_TOKEN_TTL_MS;
  const inputRate = options.inputRate ?? 16000;
  const outputRate = options.outputRate ?? 24000;
  const now = options.now ?? Date.now;
  const tokens = new Map<string, IssuedToken>();

  function http(req: IncomingMessage, res: ServerResponse, ctx: FrontContext): boolean {
    const path = new URL(req.url ?? "/", "http://simulator").pathname;
    const match = SESSIONS_ROUTE.exec(path);
    if (!match) return false;
    req.resume(); // the document's call has no body; drain any
    if (req.method !== "POST") return fail(res, 405, "method_not_allowed", "use POST");
    const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    const verdict = ctx.checkKey(auth?.[1]);
    if (verdict === "refused") return fail(res, 401, "invalid_api_key", "missing or unknown API key");
    if (verdict === "missing-scope") return fail(res, 403, "missing_scope", "the API key cannot create realtime sessions");
    const agentId = safeDecode(match[1]!);
    if (!isValidAgentId(agentId)) return fail(res, 400, "invalid_agent_id", "the agent id is malformed");
    if (!ctx.agentKnown(agentId)) return fail(res, 404, "agent_not_found", "no such agent");
    if (ctx.atCapacity) return fail(res, 429, "concurrency_limit_exceeded", "too many live sessions");

    prune();
    const token = `orbsess_${randomBytes(24).toString("base64url")}`;
    const expiresAt = now() + ttlMs;
    tokens.set(token, { agentId, expiresAt, used: false });
    sendJson(res, 200, {
      token,
      expiresAt: new Date(expiresAt).toISOString(),
      websocketUrl: `${ctx.wsUrl}/ws/agents/${encodeURIComponent(agentId)}?token=${encodeURIComponent(token)}`,
      protocol: {
        inputAudio: { encoding: ORBITALI_ENCODING, sampleRate: inputRate },
        outputAudio: { encoding: ORBITALI_ENCODING, sampleRate: outputRate },
      },
    });
    return true;
  }

  function upgrade(req: IncomingMessage, ctx: UpgradeContext): UpgradeDecision {
    const url = new URL(req.url ?? "/", "http://simulator");
    const match = SOCKET_ROUTE.exec(url.pathname);
    if (!match) return { type: "reject", status: 404, body: { error: { code: "not_found", message: "no such socket" } } };
    const agentId = safeDecode(match[1]!);
    const token = url.searchParams.get("token") ?? "";
    const issued = tokens.get(token);
    const refusal =
      !issued || issued.agentId !== agentId
        ? OrbitaliTokenRefusal.invalid
        : issued.used
          ? OrbitaliTokenRefusal.alreadyUsed
          : now() >= issued.expiresAt
            ? OrbitaliTokenRefusal.expired
            : undefined;
    if (issued) issued.used = true;
    const refuse = refusal
      ? { code: ORBITALI_TOKEN_CLOSE, reason: refusal }
      : ctx.atCapacity
        ? { code: 4429, reason: "concurrency_limit_exceeded" }
        : undefined;

    const plan: ConnectPlan = {
      url: url.pathname,
      audio: {
        outbound: { encoding: ORBITALI_ENCODING, sampleRate: inputRate, frameMs: ORBITALI_FRAME_MS },
        inbound: { encoding: ORBITALI_ENCODING, sampleRate: outputRate },
      },
      secrets: [],
    };
    return {
      type: "accept",
      connection: {
        codec: createOrbitaliPeerCodec(plan),
        rates: { user: inputRate, agent: outputRate },
        ids: { callId: `call_${ctx.sessionId}` },
        details: { agentId, inputAudio: plan.audio.outbound, outputAudio: plan.audio.inbound, origin: req.headers.origin ?? null },
        ...(refuse ? { refuse } : {}),
      },
    };
  }

  /** Drops tokens long past use, so a long-running simulator does not grow. */
  function prune(): void {
    const cutoff = now() - 10 * ttlMs;
    for (const [token, issued] of tokens) if (issued.expiresAt < cutoff) tokens.delete(token);
  }

  /**
   * What the `malformed` fault sends, JSON text only as the wire is: truncated JSON, a non-object,
   * no type, and `output_audio` with invalid base64, an odd byte count and a rate the session did
   * not declare. A client reports each and goes on.
   */
  function malformedFrames(): WireFrame[] {
    const audio = (fields: Record<string, unknown>) =>
      JSON.stringify({ type: "output_audio", encoding: ORBITALI_ENCODING, sampleRate: outputRate, ...fields });
    return [
      '{"type":"output_au',
      "[1,2,3]",
      '{"no_type":true}',
      audio({ audio: "@@not base64@@" }),
      audio({ audio: "AQID" }),
      audio({ audio: "AQACAA==", sampleRate: outputRate / 2 }),
    ];
  }

  return { dialect: "orbitali", http, upgrade, malformedFrames };
}

function fail(res: ServerResponse, status: number, code: string, message: string): true {
  sendJson(res, status, { error: { code, message } });
  return true;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return "";
  }
}
