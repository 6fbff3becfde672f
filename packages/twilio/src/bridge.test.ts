import { type InboundEventOf, mulawDecode, type PeerDecoded, type Session } from "@voxwire/core";
import { describe, expect, it, vi } from "vitest";
import { fakeClock } from "../test/fake-clock.js";
import { FakeAgent, fakePhone } from "../test/fakes.js";
import { type AgentAudioHeard, type AgentSource, type BridgeEvent, type BridgeOptions, bridge, createSharedScheduler } from "./index.js";

/** Lets the sessions deliver what the fake sockets received (they hold frames for one macrotask). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

/** 20 ms of 8 kHz audio whose samples survive μ-law exactly (decoded codes). */
function exactFrame(seed: number): Int16Array {
  return mulawDecode(Uint8Array.from({ length: 160 }, (_, i) => (seed * 31 + i * 7) & 0xff));
}

function setup(options: Partial<BridgeOptions> = {}, agent: AgentSource | FakeAgent = new FakeAgent()) {
  const time = fakeClock();
  const scheduler = createSharedScheduler({ tickMs: 10, clock: time.clock });
  const phone = fakePhone();
  const b = bridge(phone.session, agent as AgentSource, { scheduler, ...options });
  const events: BridgeEvent[] = [];
  b.on("*", (event) => events.push(event));
  return { time, scheduler, phone, b, events, agent: agent as FakeAgent };
}

const audioOf = (sent: PeerDecoded[]) => sent.filter((c) => c.type === "audio-append");
const marksOf = (sent: PeerDecoded[]) => sent.filter((c): c is Extract<PeerDecoded, { type: "mark" }> => c.type === "mark").map((c) => c.name);
const heard = (events: BridgeEvent[]) => events.filter((e): e is AgentAudioHeard => e.type === "agent-audio-heard");

describe("bridge: caller to agent", () => {
  it("hands the caller's 8 kHz audio to an 8 kHz agent untouched: no resampling either way", async () => {
    const { phone, agent, b, events } = setup();
    phone.start({ lang: "en" });
    await settle();
    expect(events[0]).toMatchObject({ type: "call-started", call: { ...phone.ids, customParameters: { lang: "en" } } });
    expect(b.audio).toEqual({ agentInputRate: 8000, agentOutputRate: 8000, callerToAgentResampled: false, agentToCallerResampled: false });
    const frames = [exactFrame(1), exactFrame(2), exactFrame(3)];
    for (const audio of frames) phone.twilio({ type: "audio-chunk", audio, sampleRate: 8000 });
    await settle();
    expect(agent.received.map((a) => Array.from(a))).toEqual(frames.map((f) => Array.from(f)));
    expect(b.stats.callerFrames).toBe(3);
  });

  it("keeps no event backlog on either session (it listens; it never iterates)", async () => {
    const { phone, agent } = setup();
    phone.start();
    await settle();
    for (let i = 0; i < 2100; i++) phone.twilio({ type: "audio-chunk", audio: exactFrame(i), sampleRate: 8000 });
    await settle();
    expect(agent.received).toHaveLength(2100);
    // A session holds up to 2000 events for its first iterator; past that it drops and counts them.
    expect(phone.session.stats.eventsDropped).toBe(0);
    expect(agent.iterators).toBe(1);
  });

  it("forwards DTMF where the agent's dialect takes it, and always reports it", async () => {
    const { phone, agent, events } = setup();
    phone.start();
    phone.twilio({ type: "dtmf-received", digit: "5" });
    await settle();
    expect(agent.dtmf).toEqual(["5"]);
    expect(events).toContainEqual({ type: "dtmf", digit: "5", forwarded: true });

    const noDtmf = new FakeAgent();
    noDtmf.capabilities = { ...noDtmf.capabilities, dtmfOut: false };
    const other = setup({}, noDtmf);
    other.phone.start();
    other.phone.twilio({ type: "dtmf-received", digit: "#" });
    await settle();
    expect(other.agent.dtmf).toEqual([]);
    expect(other.events).toContainEqual({ type: "dtmf", digit: "#", forwarded: false });
  });

  it("keeps what the caller says and presses while the agent connects (the latest second), then sends it in order", async () => {
    const agent = new FakeAgent();
    let resolve!: (session: Session) => void;
    const { phone, b } = setup({ preconnectBufferMs: 100 }, () => new Promise<Session>((r) => (resolve = r)));
    phone.start();
    for (let i = 0; i < 8; i++) {
      phone.twilio({ type: "audio-chunk", audio: exactFrame(i), sampleRate: 8000 });
      if (i === 5) phone.twilio({ type: "dtmf-received", digit: "7" });
    }
    await settle();
    expect(agent.received).toHaveLength(0);
    resolve(agent);
    await settle();
    // 100 ms = the last 5 frames; the digit keeps its place among them.
    expect(agent.received.map((a) => Array.from(a))).toEqual([3, 4, 5, 6, 7].map((i) => Array.from(exactFrame(i))));
    expect(agent.dtmf).toEqual(["7"]);
    expect(b.stats.callerFramesDropped).toBe(3);
    expect(b.stats.callerFrames).toBe(5);
  });

  it("converts 8 kHz to a 16 kHz agent (1:2) and its 16 kHz audio back to 160-sample frames", async () => {
    const agent = new FakeAgent({ input: 16000, output: 16000 });
    const { phone, b, time } = setup({}, agent);
    phone.start();
    await settle();
    expect(b.audio).toMatchObject({ callerToAgentResampled: true, agentToCallerResampled: true });
    for (let i = 0; i < 10; i++) phone.twilio({ type: "audio-chunk", audio: exactFrame(i), sampleRate: 8000 });
    await settle();
    const total = agent.received.reduce((n, a) => n + a.length, 0);
    expect(total).toBeGreaterThan(2 * 1600 - 100); // minus the resampler's look-ahead
    expect(total).toBeLessThanOrEqual(3200);
    for (let i = 0; i < 10; i++) agent.emit({ type: "audio-chunk", audio: new Int16Array(320).fill(1000), sampleRate: 16000 });
    time.advance(1000);
    const out = audioOf(phone.all());
    expect(out.length).toBeGreaterThanOrEqual(9);
    for (const frame of out) expect((frame as { audio: Int16Array }).audio.length).toBe(160);
  });
});

describe("bridge: agent to caller", () => {
  it("paces agent audio in 160-byte media messages within the lead, with ledger marks behind it", async () => {
    const { phone, agent, time, b } = setup();
    phone.start();
    await settle();
    for (let i = 0; i < 50; i++) agent.emit({ type: "audio-chunk", audio: exactFrame(i), sampleRate: 8000 });
    const first = phone.fresh();
    expect(audioOf(first)).toHaveLength(6); // 100 ms lead, plus the frame that crosses it
    expect(marksOf(first)).toEqual(["vx:1:0:100"]);
    for (const frame of audioOf(first)) expect((frame as { audio: Int16Array }).audio.length).toBe(160);
    expect(b.stats.leadMs).toBeLessThanOrEqual(120);
    time.advance(200);
    expect(audioOf(phone.fresh())).toHaveLength(10);
    time.advance(2000);
    const rest = phone.fresh();
    expect(audioOf(rest)).toHaveLength(34);
    expect(marksOf(rest).at(-1)).toBe("vx:1:0:1000");
    expect(b.stats).toMatchObject({ agentFrames: 50, framesToCaller: 50, marksSent: 10, agentFramesDropped: 0 });
    expect(b.stats.maxLeadMs).toBeLessThanOrEqual(120);
  });

  it("holds agent audio that comes before Twilio's start, then sends it", async () => {
    const { phone, agent, time } = setup();
    await settle();
    for (let i = 0; i < 3; i++) agent.emit({ type: "audio-chunk", audio: exactFrame(i), sampleRate: 8000 });
    time.advance(100);
    expect(phone.socket.sent).toHaveLength(0);
    phone.start();
    await settle();
    expect(audioOf(phone.all())).toHaveLength(3);
  });
});

describe("bridge: barge-in and the playback ledger", () => {
  it("sends Twilio `clear` inside the agent's playback-clear event, and drops its own queue", async () => {
    const { phone, agent, time, events, b } = setup();
    phone.start();
    await settle();
    for (let i = 0; i < 50; i++) agent.emit({ type: "audio-chunk", audio: exactFrame(i), sampleRate: 8000 });
    time.advance(200);
    phone.fresh();
    agent.emit({ type: "playback-clear" });
    // Synchronously: nothing awaited between the agent's event and this check.
    const sent = phone.fresh();
    expect(sent.at(-1)).toEqual({ type: "playback-clear" });
    expect(events.find((e) => e.type === "barge-in")).toMatchObject({ type: "barge-in", turn: 1 });
    expect(b.stats.queuedMs).toBe(0);
    time.advance(2000);
    expect(audioOf(phone.fresh())).toHaveLength(0);
    expect(b.stats.agentFramesCleared).toBeGreaterThan(30);
  });

  it("reports heard audio correctly across a clear: marks echoed by the clear are not heard", async () => {
    const { phone, agent, time, events } = setup();
    phone.start();
    await settle();
    for (let i = 0; i < 50; i++) agent.emit({ type: "audio-chunk", audio: exactFrame(i), sampleRate: 8000 });
    time.advance(300);
    const marks = marksOf(phone.fresh());
    expect(marks.slice(0, 4)).toEqual(["vx:1:0:100", "vx:1:0:200", "vx:1:0:300", "vx:1:0:400"]);
    // Twilio has played 200 ms: it echoes the first two marks.
    phone.twilio({ type: "mark-played", name: marks[0]! });
    phone.twilio({ type: "mark-played", name: marks[1]! });
    await settle();
    expect(heard(events).at(-1)).toEqual({ type: "agent-audio-heard", turn: 1, heardMs: 200, sentMs: 420, final: false, interrupted: false });
    // The caller talks over the agent.
    agent.emit({ type: "playback-clear" });
    expect(heard(events).at(-1)).toEqual({ type: "agent-audio-heard", turn: 1, heardMs: 200, sentMs: 420, final: true, interrupted: true });
    // Twilio echoes every pending mark because of the clear: none of them changes what was heard.
    for (const name of marks.slice(2)) phone.twilio({ type: "mark-played", name });
    await settle();
    expect(heard(events).filter((e) => e.turn === 1)).toHaveLength(3); // 100, 200, then final at the clear
    // The agent's next answer is turn 2, in a new generation.
    for (let i = 0; i < 5; i++) agent.emit({ type: "audio-chunk", audio: exactFrame(i), sampleRate: 8000 });
    expect(marksOf(phone.fresh())).toEqual(["vx:2:1:100"]);
    phone.twilio({ type: "mark-played", name: "vx:2:1:100" });
    await settle();
    expect(heard(events).at(-1)).toMatchObject({ turn: 2, heardMs: 100, sentMs: 100 });
  });

  it("starts a new turn after the line has been quiet, and closes the last one once fully heard", async () => {
    const { phone, agent, time, events } = setup({ turnGapMs: 300 });
    phone.start();
    await settle();
    for (let i = 0; i < 5; i++) agent.emit({ type: "audio-chunk", audio: exactFrame(i), sampleRate: 8000 });
    time.advance(100); // idle: the tail of the turn gets its mark
    time.advance(400);
    for (const name of marksOf(phone.fresh())) phone.twilio({ type: "mark-played", name });
    await settle();
    agent.emit({ type: "audio-chunk", audio: exactFrame(9), sampleRate: 8000 });
    expect(heard(events).find((e) => e.final)).toEqual({
      type: "agent-audio-heard",
      turn: 1,
      heardMs: 100,
      sentMs: 100,
      final: true,
      interrupted: false,
    });
    time.advance(100);
    expect(marksOf(phone.fresh())).toEqual(["vx:2:0:20"]);
  });
});

describe("bridge: transfer and ending", () => {
  it("gives the transfer hook the callSid; without a hook the request is an error event", async () => {
    const onTransfer = vi.fn();
    const { phone, agent, events } = setup({ onTransfer });
    phone.start();
    await settle();
    agent.emit({ type: "transfer-requested", reason: "caller asked", target: "+15550001111" });
    expect(onTransfer).toHaveBeenCalledWith(
      expect.objectContaining({ callSid: phone.ids.callSid, streamSid: phone.ids.streamSid, reason: "caller asked", target: "+15550001111" }),
    );
    expect(events.find((e) => e.type === "transfer")).toMatchObject({ call: { callSid: phone.ids.callSid }, reason: "caller asked" });
    // Twilio stops the stream once the call is redirected: the bridge ends as transferred.
    phone.twilio({ type: "session-ended", reason: "stop" });
    await settle();
    expect(events.at(-1)).toMatchObject({ type: "ended", reason: "transferred" });

    const bare = setup();
    bare.phone.start();
    await settle();
    bare.agent.emit({ type: "transfer-requested" });
    expect(bare.events.at(-1)).toMatchObject({ type: "error", code: "transfer_unconfigured", fatal: false });
  });

  it("a failing hook is an error event, never a crash", async () => {
    const { phone, agent, events } = setup({ onTransfer: () => Promise.reject(new Error("REST down")) });
    phone.start();
    await settle();
    agent.emit({ type: "transfer-requested" });
    await settle();
    expect(events.at(-1)).toMatchObject({ type: "error", leg: "bridge", code: "transfer_failed", message: expect.stringMatching(/REST down/) });
  });

  it("Twilio stop → the agent is closed; nothing outlives the call", async () => {
    const { phone, agent, b, time, scheduler, events } = setup();
    phone.start();
    await settle();
    for (let i = 0; i < 50; i++) agent.emit({ type: "audio-chunk", audio: exactFrame(i), sampleRate: 8000 });
    expect(scheduler.pending).toBe(1);
    phone.twilio({ type: "session-ended", reason: "stop" });
    const ended = await b.ended;
    expect(ended).toEqual({ type: "ended", reason: "caller-hung-up", leg: "phone", detail: "stop" });
    expect(agent.closedWith).toBe("caller_hung_up");
    expect(agent.listenerCount).toBe(0);
    expect(scheduler.pending).toBe(0);
    expect(time.timers).toBe(0);
    expect(events.filter((e) => e.type === "ended")).toHaveLength(1);
    expect(heard(events).at(-1)).toMatchObject({ final: true });
    expect(phone.session.state).toBe("closed");
  });

  it("the agent ends → the hang-up hook gets the callSid and the stream is closed", async () => {
    const onHangup = vi.fn(async () => {});
    const { phone, agent, b } = setup({ onHangup });
    phone.start();
    await settle();
    agent.emit({ type: "session-ended", reason: "closed", code: 1000 });
    const ended = await b.ended;
    expect(ended).toMatchObject({ reason: "agent-ended", leg: "agent" });
    expect(onHangup).toHaveBeenCalledWith(expect.objectContaining({ callSid: phone.ids.callSid, reason: "agent-ended" }));
    expect(phone.socket.closedWith?.code).toBe(1000);
  });

  it("a failed leg ends the other with a reason", async () => {
    const { phone, agent, b } = setup();
    phone.start();
    await settle();
    phone.socket.serverClose(1006);
    const ended = await b.ended;
    expect(ended).toMatchObject({ reason: "phone-failed", leg: "phone" });
    expect(agent.closedWith).toBe("phone_failed");

    const second = setup();
    second.phone.start();
    await settle();
    second.agent.emit({ type: "error", code: "network", message: "dropped", fatal: true, retryable: true });
    second.agent.emit({ type: "session-ended", reason: "network", code: 1006 });
    expect(await second.b.ended).toMatchObject({ reason: "agent-failed", detail: "network" });
    expect(second.events.find((e) => e.type === "error")).toMatchObject({ leg: "agent", code: "network", fatal: true });
  });

  it("an agent factory runs at start with the call; a failure to connect hangs up", async () => {
    let seen: unknown;
    const { phone, b, events } = setup({}, async (call: unknown) => {
      seen = call;
      throw Object.assign(new Error("could not open"), {});
    });
    phone.start({ agent: "sales" });
    const ended = await b.ended;
    expect(seen).toMatchObject({ callSid: phone.ids.callSid, customParameters: { agent: "sales" } });
    expect(ended).toMatchObject({ reason: "agent-failed", leg: "agent" });
    expect(events.find((e) => e.type === "error")).toMatchObject({ leg: "agent", fatal: true, message: "could not open" });
    expect(phone.socket.readyState).toBe(3);
  });

  it("a call that ends while the agent is still connecting closes the agent when it arrives", async () => {
    const agent = new FakeAgent();
    let signal: AbortSignal | undefined;
    let resolve!: (session: Session) => void;
    const { phone, b } = setup({}, (_call, s) => {
      signal = s;
      return new Promise<Session>((r) => {
        resolve = r;
      });
    });
    phone.start();
    await settle();
    phone.twilio({ type: "audio-chunk", audio: exactFrame(0), sampleRate: 8000 });
    phone.twilio({ type: "session-ended", reason: "stop" });
    await settle();
    expect(signal?.aborted).toBe(true);
    resolve(agent);
    const ended = await b.ended;
    expect(ended.reason).toBe("caller-hung-up");
    expect(agent.closedWith).toBe("call_ended");
    expect(b.stats.callerFramesDropped).toBe(1);
  });

  it("a listener that throws does not break the bridge", async () => {
    const { phone, agent, b } = setup();
    b.on("dtmf", () => {
      throw new Error("app bug");
    });
    phone.start();
    phone.twilio({ type: "dtmf-received", digit: "1" });
    phone.twilio({ type: "dtmf-received", digit: "2" });
    await settle();
    expect(agent.dtmf).toEqual(["1", "2"]);
  });

  it("close() from the application ends both legs", async () => {
    const { phone, agent, b } = setup();
    phone.start();
    await settle();
    await b.close();
    expect(agent.closedWith).toBe("closed");
    expect(phone.session.state).toBe("closed");
    expect((await b.ended).reason).toBe("closed");
  });
});

// Typing check for the Extract helper used in listeners.
export type _Ended = InboundEventOf<"session-ended">;
