import type { IncomingMessage } from "node:http";
import type { UpgradeContext, UpgradeDecision, VendorFront } from "@voxwire/conformance";
import type { ConnectPlan } from "@voxwire/core";
import { createDeepgramPeerCodec } from "../peer-codec.js";
import { DEEPGRAM_FRAME_MS, DEEPGRAM_PATH, DEEPGRAM_SAMPLE_RATE, DEEPGRAM_SUBPROTOCOL_PREFIX, DeepgramClose, DIALECT_NAME } from "../wire.js";

/**
 * Deepgram's vendor side: `GET /v1/deepgram` upgraded with the key as the subprotocol
 * `deepgram-key.<KEY>`, which is echoed. Wrong path → 404; too many sessions → HTTP 429;
 * a refused key → close 4401 right after the upgrade.
 */
export function deepgramFront(): VendorFront {
  return { dialect: DIALECT_NAME, upgrade };
}

function upgrade(req: IncomingMessage, ctx: UpgradeContext): UpgradeDecision {
  const url = new URL(req.url ?? "/", "http://simulator");
  if (url.pathname !== DEEPGRAM_PATH) return { type: "reject", status: 404, body: { error: "not_found" } };
  const protocol = offeredProtocols(req).find((p) => p.startsWith(DEEPGRAM_SUBPROTOCOL_PREFIX));
  const verdict = ctx.checkKey(protocol?.slice(DEEPGRAM_SUBPROTOCOL_PREFIX.length));
  if (verdict === "ok" && ctx.atCapacity) return { type: "reject", status: 429, body: { error: "concurrency_limit_exceeded" } };

  const format = { encoding: "pcm16", sampleRate: DEEPGRAM_SAMPLE_RATE, frameMs: DEEPGRAM_FRAME_MS } as const;
  const plan: ConnectPlan = { url: url.pathname, audio: { outbound: format, inbound: format }, secrets: [] };
  return {
    type: "accept",
    ...(protocol ? { protocol } : {}),
    connection: {
      codec: createDeepgramPeerCodec(plan),
      rates: { user: DEEPGRAM_SAMPLE_RATE, agent: DEEPGRAM_SAMPLE_RATE },
      ids: { session_id: ctx.sessionId },
      ...(verdict === "ok" ? {} : { refuse: { code: DeepgramClose.badKey, reason: "invalid_key" } }),
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
