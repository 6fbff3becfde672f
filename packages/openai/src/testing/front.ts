import type { IncomingMessage } from "node:http";
import type { UpgradeContext, UpgradeDecision, VendorFront } from "@voxwire/conformance";
import type { ConnectPlan } from "@voxwire/core";
import { createOpenaiPeerCodec } from "../peer-codec.js";
import { DIALECT_NAME, OPENAI_FRAME_MS, OPENAI_PATH, OPENAI_SAMPLE_RATE, OPENAI_SUBPROTOCOL_PREFIX, OpenaiClose } from "../wire.js";

/**
 * Openai's vendor side: `GET /v1/openai` upgraded with the key as the subprotocol
 * `openai-key.<KEY>`, which is echoed. Wrong path → 404; too many sessions → HTTP 429;
 * a refused key → close 4401 right after the upgrade.
 */
export function openaiFront(): VendorFront {
  return { dialect: DIALECT_NAME, upgrade };
}

function upgrade(req: IncomingMessage, ctx: UpgradeContext): UpgradeDecision {
  const url = new URL(req.url ?? "/", "http://simulator");
  if (url.pathname !== OPENAI_PATH) return { type: "reject", status: 404, body: { error: "not_found" } };
  const protocol = offeredProtocols(req).find((p) => p.startsWith(OPENAI_SUBPROTOCOL_PREFIX));
  const verdict = ctx.checkKey(protocol?.slice(OPENAI_SUBPROTOCOL_PREFIX.length));
  if (verdict === "ok" && ctx.atCapacity) return { type: "reject", status: 429, body: { error: "concurrency_limit_exceeded" } };

  const format = { encoding: "pcm16", sampleRate: OPENAI_SAMPLE_RATE, frameMs: OPENAI_FRAME_MS } as const;
  const plan: ConnectPlan = { url: url.pathname, audio: { outbound: format, inbound: format }, secrets: [] };
  return {
    type: "accept",
    ...(protocol ? { protocol } : {}),
    connection: {
      codec: createOpenaiPeerCodec(plan),
      rates: { user: OPENAI_SAMPLE_RATE, agent: OPENAI_SAMPLE_RATE },
      ids: { session_id: ctx.sessionId },
      ...(verdict === "ok" ? {} : { refuse: { code: OpenaiClose.badKey, reason: "invalid_key" } }),
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
