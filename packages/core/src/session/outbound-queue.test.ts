import { describe, expect, it } from "vitest";
import type { WireFrame } from "../events/wire-frame.js";
import { OutboundQueue, type OutboundQueueOptions } from "./outbound-queue.js";

function harness(overrides: Partial<OutboundQueueOptions<WireFrame>> = {}) {
  const sent: WireFrame[] = [];
  const retries: (() => void)[] = [];
  // `accumulate`: sent bytes stay in the socket's buffer (a peer that does not read).
  const state = { buffered: 0, open: true, drops: 0, accumulate: true };
  const queue = new OutboundQueue<WireFrame>({
    maxAudioMs: 100,
    highWaterBytes: 1000,
    send: (frame) => {
      sent.push(frame);
      if (state.accumulate) state.buffered += typeof frame === "string" ? frame.length : frame.byteLength;
    },
    bufferedAmount: () => state.buffered,
    canSend: () => state.open,
    retryLater: (pump) => {
      retries.push(pump);
      return () => retries.splice(retries.indexOf(pump), 1);
    },
    onDrop: () => state.drops++,
    ...overrides,
  });
  return { queue, sent, retries, state };
}

const audio = (n: number) => new Uint8Array(640).fill(n);

describe("OutboundQueue", () => {
  it("sends at once while the socket keeps up", () => {
    const { queue, sent, state } = harness();
    queue.push(audio(1), 20);
    state.buffered = 0;
    queue.push("ctl", 0);
    expect(sent).toHaveLength(2);
    expect(queue.depth).toBe(0);
  });

  it("with a socket that never drains, holds at most maxAudioMs of audio and drops the oldest", () => {
    const { queue, sent, state } = harness();
    state.buffered = 10_000; // above the high-water mark from the start, forever
    for (let i = 0; i < 1000; i++) queue.push(audio(i % 256), 20);
    expect(sent).toHaveLength(0);
    expect(queue.audioMs).toBeLessThanOrEqual(100);
    expect(queue.depth).toBe(5);
    expect(state.drops).toBe(995);
  });

  it("never drops control frames, and keeps their order among the surviving audio", () => {
    const { queue, sent, state, retries } = harness();
    state.buffered = 10_000;
    queue.push("dtmf-1", 0);
    for (let i = 0; i < 10; i++) queue.push(audio(i), 20);
    queue.push("mark-1", 0);
    state.buffered = 0;
    state.accumulate = false;
    // Only the 5 newest audio frames (i = 5..9) fit in 100 ms.
    retries.shift()!();
    const kinds = sent.map((f) => (typeof f === "string" ? f : `audio-${f[0]}`));
    expect(kinds[0]).toBe("dtmf-1");
    expect(kinds.at(-1)).toBe("mark-1");
    expect(kinds.filter((k) => k.startsWith("audio"))).toEqual(["audio-5", "audio-6", "audio-7", "audio-8", "audio-9"]);
  });

  it("holds everything while the dialect is not ready, then sends in order", () => {
    const { queue, sent, state } = harness();
    state.open = false;
    queue.push("first", 0);
    queue.push(audio(7), 20);
    expect(sent).toHaveLength(0);
    state.open = true;
    queue.pump();
    expect(sent.map((f) => (typeof f === "string" ? f : f[0]))).toEqual(["first", 7]);
  });

  it("schedules one retry while backed up and resumes when the socket drains", () => {
    const { queue, sent, state, retries } = harness();
    state.buffered = 2000;
    queue.push(audio(1), 20);
    queue.push(audio(2), 20);
    expect(retries).toHaveLength(1);
    state.buffered = 0;
    retries.shift()!();
    expect(sent).toHaveLength(2);
  });

  it("dropAudio empties audio but not control frames; dispose cancels the retry", () => {
    const { queue, state, retries } = harness();
    state.buffered = 5000;
    queue.push(audio(1), 20);
    queue.push("ctl", 0);
    expect(queue.dropAudio()).toBe(1);
    expect(queue.depth).toBe(1);
    queue.dispose();
    expect(retries).toHaveLength(0);
    expect(queue.depth).toBe(0);
  });
});
