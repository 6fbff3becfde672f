import type { InboundEvent } from "../events/inbound.js";
import { EventHub, type EventHubOptions } from "./event-hub.js";

/** What an event costs beyond its payloads (the object, its fields): small events weigh too. */
const EVENT_OVERHEAD_BYTES = 64;

/**
 * Roughly what an inbound event holds: its audio, its `raw` frame (a text frame's characters
 * counted as bytes) and a fixed overhead. Arithmetic only: it runs for every audio chunk.
 */
export function inboundEventBytes(event: InboundEvent): number {
  const raw = event.raw;
  let bytes = EVENT_OVERHEAD_BYTES + (raw === undefined ? 0 : typeof raw === "string" ? raw.length : raw.byteLength);
  if (event.type === "audio-chunk") bytes += event.audio.byteLength;
  else if (event.type === "error") bytes += event.message.length;
  return bytes;
}

/**
 * The hub a session delivers inbound events through: audio chunks are bulk (dropped first, oldest
 * first, when a reader falls behind), `session-ended` is final, and every queue is weighed.
 */
export function inboundEventHub(options: Omit<EventHubOptions<InboundEvent>, "isBulk" | "isFinal" | "sizeOf">): EventHub<InboundEvent> {
  return new EventHub<InboundEvent>({
    ...options,
    sizeOf: inboundEventBytes,
    isBulk: (event) => event.type === "audio-chunk",
    isFinal: (event) => event.type === "session-ended",
  });
}
