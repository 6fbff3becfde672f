import { isDeepStrictEqual } from "node:util";
import {
  base64Decode,
  base64Encode,
  type InboundEvent,
  inboundEventSchema,
  type OutboundEvent,
  outboundEventSchema,
  pcm16FromBytesCopy,
  pcm16ToBytes,
  VoxwireError,
} from "@voxwire/core";

/**
 * An event as a golden file writes it: no `raw` (the line's frame is the raw), no error object,
 * PCM16 as base64 of little-endian bytes. An `error` event may add the typed error's
 * `vendorCode`, and its `message` is the peer's own text (see `compareEvents`).
 */
export type GoldenEventJson = { readonly type: string } & Readonly<Record<string, unknown>>;

/** Any event a golden line holds: what a client decodes (inbound), or what it encodes and the peer decodes. */
export type WireEvent = InboundEvent | OutboundEvent;

/** The golden form of an event (also what `voxwire record` writes). */
export function eventToJson(event: WireEvent): GoldenEventJson {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (key === "raw" || key === "error" || value === undefined) continue;
    out[key] = value instanceof Int16Array ? base64Encode(pcm16ToBytes(value)) : value;
  }
  if (event.type === "error" && event.error?.vendorCode !== undefined) out.vendorCode = event.error.vendorCode;
  return JSON.parse(JSON.stringify(out)) as GoldenEventJson;
}

/**
 * A golden event back to a runtime event, checked against core's schemas: inbound for `in`
 * lines; for `out` lines what a client sends, or the error and pass-through a peer decodes.
 * An error event gets a typed error carrying its code, flags and `vendorCode`, so a peer codec
 * encodes it as the vendor would.
 */
export function eventFromJson(json: GoldenEventJson, dir: "in" | "out"): { ok: true; event: WireEvent } | { ok: false; why: string } {
  const fields: Record<string, unknown> = { ...json };
  if (typeof fields.audio === "string") {
    try {
      const bytes = base64Decode(fields.audio);
      fields.audio = pcm16FromBytesCopy(bytes, new Int16Array(bytes.byteLength >> 1));
    } catch (error) {
      return { ok: false, why: `audio is not base64 PCM16: ${(error as Error).message}` };
    }
  }
  if (fields.type === "error") {
    const { vendorCode, ...rest } = fields;
    const code = String(rest.code ?? "");
    const message = typeof rest.message === "string" ? rest.message : "";
    rest.message = message;
    rest.error = new VoxwireError(message || code, {
      code,
      fatal: rest.fatal === true,
      retryable: rest.retryable === true,
      ...(typeof vendorCode === "string" ? { vendorCode } : {}),
    });
    Object.assign(fields, rest);
    delete fields.vendorCode;
  }
  const inbound = inboundEventSchema.safeParse(fields);
  if (dir === "in") return inbound.success ? { ok: true, event: inbound.data } : { ok: false, why: firstIssue(inbound.error) };
  const outbound = outboundEventSchema.safeParse(fields);
  if (outbound.success) return { ok: true, event: outbound.data };
  // What a peer decodes from a client may also be an error or a pass-through (a token frame).
  if (inbound.success && (inbound.data.type === "error" || inbound.data.type === "passthrough")) return { ok: true, event: inbound.data };
  return { ok: false, why: firstIssue(outbound.error) };
}

/**
 * Differences between decoded events and golden ones, as short sentences (none when equal).
 * Compared as golden JSON, so `raw` and error objects are ignored; an error compares `code`,
 * `fatal`, `retryable`, `vendorCode` when the golden gives one, and contains the golden
 * `message` (the peer's text, which the adapter quotes inside its own sentence).
 */
export function compareEvents(actual: readonly WireEvent[], golden: readonly GoldenEventJson[]): string[] {
  const problems: string[] = [];
  const count = Math.max(actual.length, golden.length);
  for (let i = 0; i < count; i++) {
    const a = actual[i];
    const g = golden[i];
    if (!a) {
      problems.push(`event ${i + 1} missing: expected ${brief(g)}`);
      continue;
    }
    const got = eventToJson(a);
    if (!g) {
      problems.push(`event ${i + 1} unexpected: ${brief(got)}`);
      continue;
    }
    if (g.type === "error" && got.type === "error") {
      const { message, vendorCode, ...flags } = g;
      const mine: Record<string, unknown> = { type: got.type, code: got.code, fatal: got.fatal, retryable: got.retryable };
      if (!isDeepStrictEqual(mine, flags)) problems.push(`event ${i + 1}: expected ${brief(flags)}, got ${brief(mine)}`);
      if (vendorCode !== undefined && got.vendorCode !== vendorCode)
        problems.push(`event ${i + 1}: expected vendorCode ${String(vendorCode)}, got ${String(got.vendorCode)}`);
      if (typeof message === "string" && !String(got.message).includes(message)) {
        problems.push(`event ${i + 1}: the error message does not quote the peer's text "${message}"`);
      }
      continue;
    }
    if (!isDeepStrictEqual(got, g)) problems.push(`event ${i + 1}: expected ${brief(g)}, got ${brief(got)}`);
  }
  return problems;
}

/** JSON for a message, long strings (audio) shortened. */
export function brief(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === "string" && v.length > 48 ? `${v.slice(0, 24)}…(${v.length} chars)` : v));
  return text === undefined ? String(value) : text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join(".") || "event"}: ${issue.message}` : "not a valid event";
}
