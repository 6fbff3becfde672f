import type { InboundEvent } from "../events/inbound.js";
import type { WireFrame } from "../events/wire-frame.js";
import { isPoisonKey } from "./safe-json.js";

/** Field names that hold an identifier: `id`, `call_id`, `callId`, `session_id`, `streamSid`… */
const ID_FIELD = /(^|_)(id|sid)$|[a-z](Id|Sid)$/;

/**
 * `session-started` from a vendor's start message: string fields named like ids go to `ids`,
 * everything else (but the type tag) to `metadata`, so nothing the vendor sent is dropped.
 */
export function sessionStartedEvent(message: Readonly<Record<string, unknown>>, raw: WireFrame, typeKey = "type"): InboundEvent {
  const ids: Record<string, string> = {};
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message)) {
    // `metadata.__proto__ = value` would swap the prototype of the object we hand out.
    if (key === typeKey || isPoisonKey(key)) continue;
    if (typeof value === "string" && ID_FIELD.test(key)) ids[key] = value;
    else metadata[key] = value;
  }
  return Object.keys(metadata).length > 0 ? { type: "session-started", ids, metadata, raw } : { type: "session-started", ids, raw };
}
