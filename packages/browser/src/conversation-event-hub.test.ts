import { describe, expect, it, vi } from "vitest";
import { conversationEventHub } from "./conversation-event-hub.js";

// The hub's mechanics (backlog, end(), abort) are tested with core's EventHub; these pin the conversation's settings.
type E = { type: string; n: number };

describe("conversationEventHub", () => {
  it("calls typed and catch-all listeners; a throwing listener is reported, not rethrown, and the others still run", () => {
    const reportError = vi.fn();
    vi.stubGlobal("reportError", reportError);
    try {
      const stream = conversationEventHub<E>();
      const seen: string[] = [];
      stream.on("a", () => {
        throw new Error("listener bug");
      });
      const off = stream.on("a", (e) => seen.push(`a${e.n}`));
      stream.on("*", (e) => seen.push(`*${e.n}`));
      expect(() => stream.emit({ type: "a", n: 1 })).not.toThrow();
      off();
      stream.emit({ type: "a", n: 2 });
      expect(seen).toEqual(["a1", "*1", "*2"]);
      expect(reportError).toHaveBeenCalledWith(expect.objectContaining({ message: "listener bug" }));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("a reader that falls far behind loses the oldest high-rate events first, never a transcript", async () => {
    const stream = conversationEventHub<E>();
    stream.emit({ type: "transcript-end", n: -1 });
    for (let n = 0; n < 2500; n++) stream.emit({ type: "level", n });
    stream.end();
    const seen: E[] = [];
    for await (const event of stream.iterate()) seen.push(event);
    expect(seen.length).toBe(2000);
    expect(seen[0]).toEqual({ type: "transcript-end", n: -1 });
    expect(seen.at(-1)).toEqual({ type: "level", n: 2499 });
  });
});
