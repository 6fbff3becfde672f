import type { IncomingMessage } from "node:http";
import type { UpgradeContext, UpgradeDecision, VendorFront } from "@voxwire/conformance";
import type { ConnectPlan } from "@voxwire/core";
import { createEchoJsonPeerCodec } from "./peer-codec.js";
import { ECHO_JSON_FRAME_MS, ECHO_JSON_PATH, ECHO_JSON_SAMPLE_RATE, ECHO_JSON_SUBPROTOCOL_PREFIX, EchoJsonClose } from "./wire.js";

/**
 * Echo JSON's vendor side, for the simulator engine of `@voxwire/conformance` (README.md, "The
 * Echo JSON wire"): `GET /v1/echo` upgraded with the key as the subprotocol `echo-key.<KEY>`,
 * which is echoed (a client aborts a handshake whose subprotocol is not, and would never see the
 * 4401). Checks, in order: path → HTTP 404; key unknown (or without its scope) → close 4401;
 * too many live sessions → close 4429. No HTTP routes: there is no bootstrap call.
 */
export function echoJsonFront(): VendorFront {
  return { dialect: "echo-json", upgrade };
}

function upgrade(req: IncomingMessage, ctx: UpgradeContext): UpgradeDecision {
  const url = new URL(req.url ?? "/", "http://simulator");
  if (url.pathname !== ECHO_JSON_PATH) return { type: "reject", status: 404, body: { error: "not_found" } };

  const protocol = offeredProtocols(req).find((p) => p.startsWith(ECHO_JSON_SUBPROTOCOL_PREFIX));
  const key = protocol?.slice(ECHO_JSON_SUBPROTOCOL_PREFIX.length);
  const refuse =
    ctx.checkKey(key) !== "ok"
      ? { code: EchoJsonClose.badKey, reason: "invalid_key" }
      : ctx.atCapacity
        ? { code: EchoJsonClose.tooManySessions, reason: "too_many_sessions" }
        : undefined;

  const format = { encoding: "pcm16", sampleRate: ECHO_JSON_SAMPLE_RATE, frameMs: ECHO_JSON_FRAME_MS } as const;
  const plan: ConnectPlan = { url: url.pathname, audio: { outbound: format, inbound: format }, secrets: [] };
  return {
    type: "accept",
    ...(protocol ? { protocol } : {}),
    connection: {
      codec: createEchoJsonPeerCodec(plan),
      rates: { user: ECHO_JSON_SAMPLE_RATE, agent: ECHO_JSON_SAMPLE_RATE },
      ids: { session_id: ctx.sessionId },
      details: { origin: req.headers.origin ?? null },
      ...(refuse ? { refuse } : {}),
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
