import { EventHub } from "@voxwire/core";

/** Dropped first when a reader falls behind: there is always a newer one. */
const HIGH_RATE = new Set(["audio-chunk", "level", "playback"]);

/**
 * A conversation's events: the first iterator also gets what was emitted before anyone iterated
 * (the newest 2000, high-rate ones dropped first), so `for await` after `await ready` misses
 * nothing; `end()` ends it. A listener that throws is reported the way the DOM reports a
 * throwing event listener (`reportError`: the console, `window.onerror`), never rethrown.
 */
export function conversationEventHub<E extends { type: string }>(): EventHub<E> {
  return new EventHub<E>({
    maxPending: 2000,
    backlog: "bounded",
    isBulk: (event) => HIGH_RATE.has(event.type),
    snapshotListeners: true,
    onListenerError: reportListenerError,
  });
}

function reportListenerError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === "function") report(error);
  else
    setTimeout(() => {
      throw error;
    });
}
