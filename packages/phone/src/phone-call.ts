import type { InboundEventOf } from "@voxwire/core";
import type { PhoneCall } from "./bridge-events.js";

/**
 * The call a leg's `session-started` describes. A leg names its ids `callId`, `streamId` and
 * `accountId` (Twilio's leg: `callSid`, `streamSid`, `accountSid`; either is read), and puts
 * `tracks` and `customParameters` in the metadata.
 */
export function phoneCallFromStart(carrier: string, event: InboundEventOf<"session-started">): PhoneCall {
  const ids = event.ids;
  const meta = event.metadata ?? {};
  const callId = ids.callId ?? ids.callSid ?? "";
  const streamId = ids.streamId ?? ids.streamSid ?? "";
  const accountId = ids.accountId ?? ids.accountSid ?? "";
  return {
    carrier,
    callId,
    streamId,
    accountId,
    streamSid: streamId,
    callSid: callId,
    accountSid: accountId,
    tracks: stringArray(meta.tracks),
    customParameters: stringRecord(meta.customParameters),
  };
}

function stringArray(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function stringRecord(value: unknown): Readonly<Record<string, string>> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) if (typeof v === "string") out[key] = v;
  return out;
}
