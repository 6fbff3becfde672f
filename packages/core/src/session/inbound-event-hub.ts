import type { InboundEvent } from "../events/inbound.js";
import { EventHub, type EventHubOptions } from "./event-hub.js";

/** A session's hub: audio is the only bulk (a reader behind loses it first), `session-ended` the last event. */
export function inboundEventHub(options: Omit<EventHubOptions<InboundEvent>, "isBulk" | "isFinal">): EventHub<InboundEvent> {
  return new EventHub<InboundEvent>({
    ...options,
    isBulk: (event) => event.type === "audio-chunk",
    isFinal: (event) => event.type === "session-ended",
  });
}
