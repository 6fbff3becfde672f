import type { InboundEvent } from "../events/inbound.js";

type Message = Readonly<Record<string, unknown>>;

/** The first of `fields` that holds a string, for vendors that name one thing several ways. */
export function str(message: Message, ...fields: string[]): string | undefined {
  for (const field of fields) {
    const value = message[field];
    if (typeof value === "string") return value;
  }
  return undefined;
}

/** `event` with the `fields` that are defined added, so events carry no `key: undefined`. */
export function withOptional<T extends InboundEvent>(event: T, fields: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...event };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out as T;
}

/** True for a JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
