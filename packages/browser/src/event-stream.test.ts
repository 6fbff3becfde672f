import { describe, expect, it, vi } from "vitest";
import { EventStream } from "./event-stream.js";

type E = { type: string; n: number };

async function drain(iterator: AsyncIterableIterator<E>): Promise<number[]> {
  const seen: number[] = [];
  for await (const event of iterator) seen.push(event.n);
  return seen;
}

describe("EventStream", () => {
  it("gives the first iterator what came before it, later iterators only what follows; ends after end()", async () => {
    const stream = new EventStream<E>();
    stream.emit({ type: "a", n: 1 });
    const first = stream.iterate();
    stream.emit({ type: "b", n: 2 });
    const second = stream.iterate();
    stream.emit({ type: "a", n: 3 });
    stream.end();
    stream.emit({ type: "a", n: 4 });
    expect(await drain(first)).toEqual([1, 2, 3]);
    expect(await drain(second)).toEqual([3]);
  });

  it("calls typed and catch-all listeners; a throwing listener is reported, not rethrown, and the others still run", () => {
    const reportError = vi.fn();
    vi.stubGlobal("reportError", reportError);
    try {
      const stream = new EventStream<E>();
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
    const stream = new EventStream<E>();
    stream.emit({ type: "transcript-end", n: -1 });
    for (let n = 0; n < 2500; n++) stream.emit({ type: "level", n });
    stream.end();
    const seen: E[] = [];
    for await (const event of stream.iterate()) seen.push(event);
    expect(seen.length).toBe(2000);
    expect(seen[0]).toEqual({ type: "transcript-end", n: -1 });
    expect(seen.at(-1)).toEqual({ type: "level", n: 2499 });
  });

  it("an aborted signal ends the iterator", async () => {
    const stream = new EventStream<E>();
    const controller = new AbortController();
    const iterator = stream.iterate(controller.signal);
    const pending = iterator.next();
    controller.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});
