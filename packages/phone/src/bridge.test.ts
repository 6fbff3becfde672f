// The bridge on a carrier leg that is not Twilio's: its rates and frame size come from the leg,
// a leg without marks gets an estimated ledger, and a carrier's flow control holds the queue.
import { describe, expect, it } from "vitest";
import { fakeClock } from "../test/fake-clock.js";
import { FakeAgent, fakeLeg } from "../test/fake-leg.js";
import { type AgentAudioHeard, type BridgeEvent, type BridgeOptions, bridge, createSharedScheduler, type FlowSignal } from "./index.js";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const frame = (n: number, value = 100) => new Int16Array(n).fill(value);

function setup(leg: ReturnType<typeof fakeLeg>, agent: FakeAgent, options: BridgeOptions = {}) {
  const time = fakeClock();
  const scheduler = createSharedScheduler({ tickMs: 10, clock: time.clock });
  const b = bridge(leg.session, agent, { scheduler, ...options });
  const events: BridgeEvent[] = [];
  b.on("*", (event) => events.push(event));
  return { time, scheduler, b, events };
}
const heard = (events: BridgeEvent[]) => events.filter((e): e is AgentAudioHeard => e.type === "agent-audio-heard");
const audioOut = (sent: Record<string, string>[]) => sent.filter((m) => m.t === "audio");

describe("bridge: any carrier leg", () => {
  it("takes a 16 kHz leg's rate and frame size: a 16 kHz agent is not resampled, frames are 320 samples", async () => {
    const leg = fakeLeg({ rate: 16000 });
    const agent = new FakeAgent({ input: 16000, output: 16000 });
    const { b, events, time } = setup(leg, agent);
    leg.start();
    await settle();
    expect(events[0]).toMatchObject({ type: "call-started", call: { carrier: "fake-carrier", callId: "C1", callSid: "C1", streamId: "S1" } });
    expect(b.audio).toMatchObject({ callerToAgentResampled: false, agentToCallerResampled: false });
    leg.audio(frame(320, 7));
    await settle();
    expect(agent.received.map((a) => a.length)).toEqual([320]);
    for (let i = 0; i < 10; i++) agent.emit({ type: "audio-chunk", audio: frame(320), sampleRate: 16000 });
    time.advance(500);
    const out = audioOut(leg.fresh());
    expect(out).toHaveLength(10);
    for (const m of out) expect(Buffer.from(m.pcm!, "base64")).toHaveLength(640);
    expect(b.heardSource).toBe("acknowledged");
  });

  it("a leg without marks: what was heard is estimated from the pacing clock, and says so", async () => {
    const leg = fakeLeg({ rate: 8000, marks: false });
    const agent = new FakeAgent();
    const { b, events, time } = setup(leg, agent, { leadMs: 100, markEveryMs: 100 });
    leg.start();
    await settle();
    expect(b.heardSource).toBe("estimated");
    for (let i = 0; i < 50; i++) agent.emit({ type: "audio-chunk", audio: frame(160), sampleRate: 8000 });
    expect(leg.fresh().filter((m) => m.t === "mark")).toEqual([]); // no mark goes to the carrier
    time.advance(300);
    // 420 ms sent by now (300 ms played plus the 100 ms lead and a frame); 300 ms of it played.
    const progress = heard(events).at(-1)!;
    expect(progress).toMatchObject({ turn: 1, final: false, heardSource: "estimated" });
    expect(progress.heardMs).toBe(300);
    time.advance(50);
    agent.emit({ type: "playback-clear" });
    const final = heard(events).at(-1)!;
    expect(final).toMatchObject({ turn: 1, final: true, interrupted: true, heardSource: "estimated" });
    expect(final.heardMs).toBe(300); // the mark resolution: 100 ms
    expect(final.sentMs).toBeGreaterThan(final.heardMs);
    await b.close();
  });

  it("a turn fully played without acknowledgements ends final and complete", async () => {
    const leg = fakeLeg({ rate: 8000, marks: false });
    const agent = new FakeAgent();
    const { events, time, scheduler, b } = setup(leg, agent);
    leg.start();
    await settle();
    for (let i = 0; i < 10; i++) agent.emit({ type: "audio-chunk", audio: frame(160), sampleRate: 8000 });
    time.advance(1000);
    expect(heard(events).at(-1)).toMatchObject({ turn: 1, heardMs: 200, sentMs: 200, heardSource: "estimated" });
    agent.emit({ type: "audio-chunk", audio: frame(160), sampleRate: 8000 }); // a new turn closes the first
    expect(heard(events).find((e) => e.final)).toMatchObject({ turn: 1, heardMs: 200, sentMs: 200, interrupted: false });
    await b.close();
    expect(scheduler.pending).toBe(0);
    expect(time.timers).toBe(0);
  });

  it("flow control: nothing is sent while the carrier says stop; the bounded queue drops the oldest and counts", async () => {
    const leg = fakeLeg({ rate: 8000 });
    const agent = new FakeAgent();
    const flowSignal: FlowSignal = (event) => (event.name === "xoff" ? "pause" : event.name === "xon" ? "resume" : undefined);
    const { b, time } = setup(leg, agent, { flowSignal, maxBufferMs: 200 });
    leg.start();
    await settle();
    leg.send({ t: "xoff" });
    await settle();
    for (let i = 0; i < 15; i++) agent.emit({ type: "audio-chunk", audio: frame(160, i + 1), sampleRate: 8000 });
    time.advance(1000);
    expect(audioOut(leg.fresh())).toHaveLength(0);
    expect(b.stats).toMatchObject({ carrierPauses: 1, agentFramesDropped: 5, queuedMs: 200 });
    leg.send({ t: "xon" });
    await settle();
    time.advance(1000);
    const out = audioOut(leg.fresh()).map((m) => new Int16Array(new Uint8Array(Buffer.from(m.pcm!, "base64")).buffer)[0]);
    // The 10 newest frames, in order: frames 1–5 were the oldest and were dropped.
    expect(out).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    await b.close();
  });

  it("a barge-in while the carrier says stop still clears it at once", async () => {
    const leg = fakeLeg({ rate: 8000 });
    const agent = new FakeAgent();
    const flowSignal: FlowSignal = (event) => (event.name === "xoff" ? "pause" : undefined);
    const { b } = setup(leg, agent, { flowSignal });
    leg.start();
    await settle();
    leg.send({ t: "xoff" });
    await settle();
    for (let i = 0; i < 5; i++) agent.emit({ type: "audio-chunk", audio: frame(160), sampleRate: 8000 });
    leg.fresh();
    agent.emit({ type: "playback-clear" });
    expect(leg.fresh()).toEqual([{ t: "clear" }]);
    expect(b.stats.queuedMs).toBe(0);
    await b.close();
  });
});

describe("bridge: telling the agent what was heard (spec v2)", () => {
  it("on barge-in the agent gets playback-heard for the turn the caller was hearing, by its turn id", async () => {
    const leg = fakeLeg({ rate: 8000 });
    const agent = new FakeAgent();
    const { time, events } = setup(leg, agent);
    leg.start();
    await settle();
    for (let i = 0; i < 25; i++) agent.emit({ type: "audio-chunk", audio: frame(160), sampleRate: 8000, turnId: "item_1" });
    time.advance(200);
    const marks = leg.fresh().filter((m) => m.t === "mark");
    leg.send({ t: "mark", name: marks[0]!.name });
    leg.send({ t: "mark", name: marks[1]!.name });
    await settle();
    // The next answer is queued behind the first: the caller is still hearing item_1.
    for (let i = 0; i < 5; i++) agent.emit({ type: "audio-chunk", audio: frame(160), sampleRate: 8000, turnId: "item_2" });
    agent.emit({ type: "playback-clear", turnId: "item_2" });
    expect(agent.heard).toEqual([{ turnId: "item_1", heardMs: 200 }]);
    expect(heard(events).find((e) => e.final && e.turn === 1)).toMatchObject({ heardMs: 200, interrupted: true });
  });

  it("a dialect without turn ids: the playback-clear's id is used when it names one, else nothing is reported", async () => {
    const leg = fakeLeg({ rate: 8000 });
    const agent = new FakeAgent();
    setup(leg, agent);
    leg.start();
    await settle();
    for (let i = 0; i < 5; i++) agent.emit({ type: "audio-chunk", audio: frame(160), sampleRate: 8000 });
    agent.emit({ type: "playback-clear" });
    expect(agent.heard).toEqual([]);
    for (let i = 0; i < 5; i++) agent.emit({ type: "audio-chunk", audio: frame(160), sampleRate: 8000 });
    agent.emit({ type: "playback-clear", turnId: "resp_9" });
    expect(agent.heard).toEqual([{ turnId: "resp_9", heardMs: 0 }]);
  });
});
