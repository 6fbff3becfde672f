import type { IncomingMessage } from "node:http";
import type { UpgradeContext, UpgradeDecision, VendorFront } from "@voxwire/conformance";
import type { ConnectPlan } from "@voxwire/core";
import { createOmniPeerCodec } from "../peer-codec.js";
import { isValidAgentId } from "../validate.js";
import {
  OMNI_FORMAT,
  OMNI_FRAME_MS,
  OMNI_PATH,
  OMNI_RATES,
  OMNI_SESSION_SCOPE,
  OMNI_SUBPROTOCOL_PREFIX,
  OmniClose,
  type OmniRate,
  OmniVendorCode,
} from "../wire.js";

/**
 * Omni's vendor side (the Omni browser and phone-bridge guides, docs/sources.md): `GET /v1/omni?agent_id=…&format=pcm16&rate=…` upgraded
 * with the credential as the subprotocol `pyai-key.<KEY>`, which is echoed (browsers abort the
 * handshake otherwise, even for a refused key, which would hide the 4401). Checks, in order:
 *   path → 404; agent id malformed or unknown → HTTP 400 `invalid_agent_id`; format or rate not
 *   declared right → HTTP 400; key unknown → close 4401; key without `omni:session` → close 4403;
 *   origin not allowed → close 4403 `origin_not_allowed`; too many live sessions → HTTP 429
 *   `concurrency_limit_exceeded` (not a close: 429 is not a legal close code).
 * No HTTP routes: Omni has no bootstrap call.
 */
export function omniFront(): VendorFront {
  return { dialect: "omni", upgrade };
}

function upgrade(req: IncomingMessage, ctx: UpgradeContext): UpgradeDecision {
  const url = new URL(req.url ?? "/", "http://simulator");
  if (url.pathname !== OMNI_PATH) return { type: "reject", status: 404, body: { error: "not_found" } };
  const agentId = url.searchParams.get("agent_id") ?? "";
  if (!isValidAgentId(agentId) || !ctx.agentKnown(agentId)) {
    return { type: "reject", status: 400, body: { error: OmniVendorCode.invalidAgentId } };
  }
  if (url.searchParams.get("format") !== OMNI_FORMAT) {
    return { type: "reject", status: 400, body: { error: "invalid_format", message: `format must be ${OMNI_FORMAT}` } };
  }
  const rate = Number(url.searchParams.get("rate")) as OmniRate;
  if (!OMNI_RATES.includes(rate)) {
    return { type: "reject", status: 400, body: { error: "invalid_rate", message: `rate must be one of ${OMNI_RATES.join(", ")}` } };
  }

  const protocol = offeredProtocols(req).find((p) => p.startsWith(OMNI_SUBPROTOCOL_PREFIX));
  const key = protocol?.slice(OMNI_SUBPROTOCOL_PREFIX.length);
  const verdict = ctx.checkKey(key);
  const refuse =
    verdict === "refused"
      ? { code: OmniClose.badKey, reason: "invalid_key" }
      : verdict === "missing-scope"
        ? { code: OmniClose.missingScope, reason: `missing_scope: ${OMNI_SESSION_SCOPE}` }
        : !ctx.originAllowed(req.headers.origin)
          ? { code: OmniClose.missingScope, reason: OmniVendorCode.originNotAllowed }
          : undefined;
  if (!refuse && ctx.atCapacity) {
    return { type: "reject", status: 429, body: { error: OmniVendorCode.concurrencyLimitExceeded } };
  }

  const format = { encoding: "pcm16", sampleRate: rate, frameMs: OMNI_FRAME_MS } as const;
  const plan: ConnectPlan = { url: url.pathname, audio: { outbound: format, inbound: format }, secrets: [] };
  return {
    type: "accept",
    ...(protocol ? { protocol } : {}),
    connection: {
      codec: createOmniPeerCodec(plan),
      rates: { user: rate, agent: rate },
      ids: { session_id: ctx.sessionId },
      details: { agentId, format: OMNI_FORMAT, rate, origin: req.headers.origin ?? null },
      ...(refuse ? { refuse } : {}),
    },
  };
}

/** The subprotocols the client offered, in order. */
function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers["sec-websocket-protocol"];
  return (header ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}
