import type { IncomingMessage } from "node:http";
import type { UpgradeContext, UpgradeDecision, VendorFront } from "@voxwire/conformance";
import type { ConnectPlan } from "@voxwire/core";
import { createGeminiPeerCodec } from "../peer-codec.js";
import { DIALECT_NAME, GEMINI_FRAME_MS, GEMINI_PATH, GEMINI_SAMPLE_RATE, GEMINI_SUBPROTOCOL_PREFIX, GeminiClose } from "../wire.js";

/**
 * Gemini's vendor side: `GET /v1/gemini` upgraded with the key as the subprotocol
 * `gemini-key.<KEY>`, which is echoed. Wrong path → 404; too many sessions → HTTP 429;
 * a refused key → close 4401 right after the upgrade.
 */
export function geminiFront(): VendorFront {
  return { dialect: DIALECT_NAME, upgrade };
}

function upgrade(req: IncomingMessage, ctx: UpgradeContext): UpgradeDecision {
  const url = new URL(req.url ?? "/", "http://simulator");
  if (url.pathname !== GEMINI_PATH) return { type: "reject", status: 404, body: { error: "not_found" } };
  const protocol = offeredProtocols(req).find((p) => p.startsWith(GEMINI_SUBPROTOCOL_PREFIX));
  const verdict = ctx.checkKey(protocol?.slice(GEMINI_SUBPROTOCOL_PREFIX.length));
  if (verdict === "ok" && ctx.atCapacity) return { type: "reject", status: 429, body: { error: "concurrency_limit_exceeded" } };

  const format = { encoding: "pcm16", sampleRate: GEMINI_SAMPLE_RATE, frameMs: GEMINI_FRAME_MS } as const;
  const plan: ConnectPlan = { url: url.pathname, audio: { outbound: format, inbound: format }, secrets: [] };
  return {
    type: "accept",
    ...(protocol ? { protocol } : {}),
    connection: {
      codec: createGeminiPeerCodec(plan),
      rates: { user: GEMINI_SAMPLE_RATE, agent: GEMINI_SAMPLE_RATE },
      ids: { session_id: ctx.sessionId },
      ...(verdict === "ok" ? {} : { refuse: { code: GeminiClose.badKey, reason: "invalid_key" } }),
    },
  };
}

/** The subprotocols the client offered, in order. */
function offeredProtocols(req: IncomingMessage): string[] {
  return (req.headers["sec-websocket-protocol"] ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}
