import { describe, expect, it } from "vitest";
import type { InboundEvent } from "../events/inbound.js";
import { EventHub } from "./event-hub.js";
import { inboundEventHub } from "./inbound-event-hub.js";

const chunk = (n: number): InboundEvent => ({ type: "audio-chunk", audio: new Int16Array([n]), sampleRate: 16000 });
const ended: InboundEvent = { type: "session-ended", reason: "closed", code: 1000 };

function hub(maxPending = 100, backlog = true) {
  const counts = { drops: 0, listenerErrors: 0 };
  const h = inboundEventHub({
    maxPending,
    backlog: backlog ? "until-full" : false,
    onDrop: () => counts.drops++,
    onListenerError: () => counts.listenerErrors++,
  });
  return { h, counts };
}

async function collect(iterator: AsyncIterable<InboundEvent>): Promise<InboundEvent[]> {
  const out: InboundEvent[] = [];
  for await (const event of iterator) out.push(event);
  return out;
}

describe("a session's EventHub", () => {
  it("the first iterator receives what arrived before it, and ends after session-ended", async () => {
    const { h } = hub();
    h.emit({ type: "session-accepted" });
    h.emit(chunk(1));
    const events = collect(h.iterate());
    h.emit(ended);
    expect((await events).map((e) => e.type)).toEqual(["session-accepted", "audio-chunk", "session-ended"]);
  });

  it("typed listeners get their type, '*' gets all, and unsubscribe works", () => {
    const { h } = hub();
    const seen: string[] = [];
    const off = h.on("audio-chunk", (e) => seen.push(`typed:${e.type}`));
    h.on("*", (e) => seen.push(`all:${e.type}`));
    h.emit(chunk(1));
    off();
    h.emit(chunk(2));
    expect(seen).toEqual(["typed:audio-chunk", "all:audio-chunk", "all:audio-chunk"]);
  });

  it("a throwing listener is reported and the others still run", () => {
    const { h, counts } = hub();
    let reached = false;
    h.on("debug", () => {
      throw new Error("app bug");
    });
    h.on("debug", () => {
      reached = true;
    });
    h.emit({ type: "debug", message: "x" });
    expect(counts.listenerErrors).toBe(1);
    expect(reached).toBe(true);
  });

  it("a reader that does not read is bounded: the oldest audio goes first, other events stay", async () => {
    const { h, counts } = hub(10);
    const iterator = h.iterate();
    h.emit({ type: "session-accepted" });
    for (let i = 0; i < 50; i++) h.emit(chunk(i));
    h.emit(ended);
    const events = await collect(iterator);
    expect(events).toHaveLength(10);
    expect(events[0]!.type).toBe("session-accepted");
    expect(events.at(-1)!.type).toBe("session-ended");
    expect(counts.drops).toBe(42);
  });

  it("a backlog nobody iterates is dropped whole once full, and not kept after that", async () => {
    const { h, counts } = hub(10);
    for (let i = 0; i < 10; i++) h.emit(chunk(i));
    expect(counts.drops).toBe(0);
    h.emit(chunk(10)); // the 11th: the backlog is abandoned, this event included
    expect(counts.drops).toBe(11);
    for (let i = 0; i < 100; i++) h.emit(chunk(i)); // no longer kept: no more drops counted
    expect(counts.drops).toBe(11);
    const events = collect(h.iterate()); // a late iterator starts from now
    h.emit({ type: "debug", message: "now" });
    h.emit(ended);
    expect((await events).map((e) => e.type)).toEqual(["debug", "session-ended"]);
  });

  it("with backlog off, nothing is kept for a later iterator and nothing is counted", async () => {
    const { h, counts } = hub(10, false);
    for (let i = 0; i < 50; i++) h.emit(chunk(i));
    expect(counts.drops).toBe(0);
    const events = collect(h.iterate());
    h.emit(ended);
    expect((await events).map((e) => e.type)).toEqual(["session-ended"]);
  });

  it("an aborted signal ends the iterator; nothing is emitted after session-ended", async () => {
    const { h } = hub();
    const controller = new AbortController();
    const events = collect(h.iterate(controller.signal));
    h.emit(chunk(1));
    controller.abort();
    expect((await events).length).toBeLessThanOrEqual(1);
    h.emit(ended);
    h.emit(chunk(2));
    expect(await collect(h.iterate())).toEqual([]);
  });
});

type E = { type: string; n: number };

async function drain(iterator: AsyncIterableIterator<E>): Promise<number[]> {
  const seen: number[] = [];
  for await (const event of iterator) seen.push(event.n);
  return seen;
}

describe("EventHub with end() and a bounded backlog", () => {
  const bounded = () => new EventHub<E>({ backlog: "bounded", onListenerError: () => {} });

  it("gives the first iterator what came before it, later iterators only what follows; ends after end()", async () => {
    const stream = bounded();
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

  it("an aborted signal ends the iterator", async () => {
    const stream = bounded();
    const controller = new AbortController();
    const iterator = stream.iterate(controller.signal);
    const pending = iterator.next();
    controller.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it("a bounded backlog keeps the newest events, bulk dropped first, counting each drop", async () => {
    let drops = 0;
    const stream = new EventHub<E>({
      maxPending: 3,
      backlog: "bounded",
      isBulk: (e) => e.type === "bulk",
      onDrop: () => drops++,
      onListenerError: () => {},
    });
    stream.emit({ type: "a", n: 1 });
    for (let n = 2; n <= 6; n++) stream.emit({ type: "bulk", n });
    stream.emit({ type: "b", n: 7 });
    stream.end();
    expect(await drain(stream.iterate())).toEqual([1, 6, 7]);
    expect(drops).toBe(4);
  });

  it("with no bulk events, the oldest is dropped", async () => {
    const stream = new EventHub<E>({ maxPending: 2, backlog: "bounded", onListenerError: () => {} });
    for (let n = 1; n <= 4; n++) stream.emit({ type: "a", n });
    stream.end();
    expect(await drain(stream.iterate())).toEqual([3, 4]);
  });
});

describe("EventHub listeners", () => {
  // A listener that removes a later one and adds another while "a" is being emitted.
  function mutateDuringEmit(snapshotListeners: boolean): string[] {
    const stream = new EventHub<E>({ backlog: false, snapshotListeners, onListenerError: () => {} });
    const seen: string[] = [];
    let offLater: () => void = () => {};
    stream.on("a", (e) => {
      seen.push(`first${e.n}`);
      offLater();
      stream.on("a", (e) => seen.push(`added${e.n}`));
    });
    offLater = stream.on("a", (e) => seen.push(`later${e.n}`));
    stream.emit({ type: "a", n: 1 });
    return seen;
  }

  it("by default call the live set: one removed during an emit is not called, one added is", () => {
    expect(mutateDuringEmit(false)).toEqual(["first1", "added1"]);
  });

  it("with snapshotListeners, call those registered when the emit began", () => {
    expect(mutateDuringEmit(true)).toEqual(["first1", "later1"]);
  });

  it("clear() forgets every listener", () => {
    const stream = new EventHub<E>({ backlog: false, onListenerError: () => {} });
    const seen: number[] = [];
    stream.on("a", (e) => seen.push(e.n));
    stream.on("*", (e) => seen.push(e.n));
    stream.emit({ type: "a", n: 1 });
    stream.clear();
    stream.emit({ type: "a", n: 2 });
    expect(seen).toEqual([1, 1]);
  });

  it("report a listener's error with the event's type", () => {
    const errors: string[] = [];
    const stream = new EventHub<E>({ backlog: false, onListenerError: (error, type) => errors.push(`${type}: ${(error as Error).message}`) });
    stream.on("*", () => {
      throw new Error("bug");
    });
    stream.emit({ type: "a", n: 1 });
    expect(errors).toEqual(["a: bug"]);
  });
});

describe("a session's EventHub, bounded by bytes as well as count", () => {
  const control = (n: number): InboundEvent => ({ type: "transcript-end", role: "agent", text: String(n), raw: `{"n":${n}}` });
  const big = (bytes: number): InboundEvent => ({ type: "audio-chunk", audio: new Int16Array(bytes / 2), sampleRate: 16000 });

  function weighed(maxPendingBytes: number, maxPending = 2000) {
    const counts = { drops: 0, overflows: 0 };
    const h = inboundEventHub({
      maxPending,
      maxPendingBytes,
      backlog: "until-full",
      onDrop: () => counts.drops++,
      onOverflow: () => counts.overflows++,
      onListenerError: () => {},
    });
    return { h, counts };
  }

  it("control events are never dropped to make room: a burst past maxPending all reaches the reader", async () => {
    const { h, counts } = weighed(8 << 20);
    const iterator = h.iterate();
    for (let i = 0; i < 5000; i++) h.emit(control(i));
    h.emit(ended);
    const events = await collect(iterator);
    expect(events).toHaveLength(5001);
    expect(counts).toEqual({ drops: 0, overflows: 0 });
  });

  it("past the byte bound the oldest audio goes, however few events that is", async () => {
    const { h, counts } = weighed(1 << 20);
    const iterator = h.iterate();
    h.emit(control(0));
    for (let i = 0; i < 10; i++) h.emit(big(256 * 1024)); // 2.5 MiB of audio, 10 events
    h.emit(ended);
    const events = await collect(iterator);
    expect(events.filter((e) => e.type === "audio-chunk")).toHaveLength(3);
    expect(events[0]!.type).toBe("transcript-end");
    expect(counts).toEqual({ drops: 7, overflows: 0 });
  });

  it("past the byte bound with no audio left to drop, onOverflow is told once and nothing is dropped", () => {
    const { h, counts } = weighed(64 * 1024);
    h.iterate(); // never read
    for (let i = 0; i < 2000; i++) h.emit(control(i)); // ~150 KiB with the per-event overhead
    expect(counts).toEqual({ drops: 0, overflows: 1 });
  });

  it("a backlog nobody iterates is dropped whole once past the byte bound", () => {
    const { h, counts } = weighed(1 << 20);
    for (let i = 0; i < 3; i++) h.emit(big(512 * 1024));
    // The second one (with its overhead) passes 1 MiB: it and the first are dropped; the third is not kept.
    expect(counts.drops).toBe(2);
    expect(counts.overflows).toBe(0);
  });
});
