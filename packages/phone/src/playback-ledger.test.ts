import { describe, expect, it } from "vitest";
import { type AgentAudioHeard, PlaybackLedger, parseMarkName } from "./index.js";

function ledger(markEveryMs = 100) {
  const events: AgentAudioHeard[] = [];
  const l = new PlaybackLedger({ markEveryMs, emit: (e) => events.push(e) });
  /** Sends `frames` 20 ms frames; returns the marks that went out behind them. */
  const send = (frames: number) => {
    const marks: string[] = [];
    for (let i = 0; i < frames; i++) {
      const mark = l.sent(20);
      if (mark) marks.push(mark);
    }
    return marks;
  };
  return { l, events, send };
}

describe("the playback ledger", () => {
  it("names marks vx:<turn>:<generation>:<ms> and reports heard audio as Twilio echoes them", () => {
    const { l, events, send } = ledger();
    l.startTurn();
    const marks = send(12);
    expect(marks).toEqual(["vx:1:0:100", "vx:1:0:200"]);
    expect(l.tail()).toBe("vx:1:0:240");
    expect(l.tail()).toBeUndefined();
    expect(l.echoed("vx:1:0:100")).toBe(true);
    expect(events.at(-1)).toEqual({ type: "agent-audio-heard", turn: 1, heardMs: 100, sentMs: 240, final: false, interrupted: false });
    l.echoed("vx:1:0:200");
    l.echoed("vx:1:0:240");
    expect(events.at(-1)).toMatchObject({ heardMs: 240, final: false });
    // The next turn closes this one: fully heard, so it is final and not interrupted.
    l.startTurn();
    expect(events.at(-1)).toEqual({ type: "agent-audio-heard", turn: 1, heardMs: 240, sentMs: 240, final: true, interrupted: false });
  });

  it("across a clear: echoes Twilio sends because of the clear count as not heard", () => {
    const { l, events, send } = ledger();
    l.startTurn();
    const marks = send(25); // 500 ms sent, marks at 100…500
    expect(marks).toHaveLength(5);
    l.echoed(marks[0]!);
    l.echoed(marks[1]!); // the caller heard 200 ms …
    l.cleared(); // … then barged in
    expect(events.at(-1)).toEqual({ type: "agent-audio-heard", turn: 1, heardMs: 200, sentMs: 500, final: true, interrupted: true });
    const before = events.length;
    // Twilio echoes the three pending marks on clear: none of them was heard.
    for (const mark of marks.slice(2)) expect(l.echoed(mark)).toBe(true);
    expect(events.length).toBe(before);
    expect(l.counts).toEqual({ marksSent: 5, marksHeard: 2, marksDropped: 3 });
    // The next audio opens turn 2 in generation 1.
    expect(l.startTurn()).toBe(2);
    expect(send(5)).toEqual(["vx:2:1:100"]);
    l.echoed("vx:2:1:100");
    expect(events.at(-1)).toMatchObject({ turn: 2, heardMs: 100, sentMs: 100 });
  });

  it("a closed turn still being played is reported final when its last mark comes back", () => {
    const { l, events, send } = ledger(40);
    l.startTurn();
    const first = send(4);
    l.startTurn();
    send(2);
    expect(events.filter((e) => e.final)).toHaveLength(0);
    l.echoed(first[0]!);
    l.echoed(first[1]!);
    expect(events.find((e) => e.final)).toEqual({ type: "agent-audio-heard", turn: 1, heardMs: 80, sentMs: 80, final: true, interrupted: false });
  });

  it("the end of the call reports every open turn with what was confirmed", () => {
    const { l, events, send } = ledger();
    l.startTurn();
    const marks = send(10);
    l.echoed(marks[0]!);
    l.ended();
    expect(events.at(-1)).toEqual({ type: "agent-audio-heard", turn: 1, heardMs: 100, sentMs: 200, final: true, interrupted: true });
  });

  it("ignores marks that are not its own, and reuses a turn that got no audio", () => {
    const { l, events } = ledger();
    expect(l.echoed("application-mark")).toBe(false);
    expect(l.echoed("vx:1:0")).toBe(false);
    expect(l.startTurn()).toBe(1);
    expect(l.startTurn()).toBe(1);
    expect(l.sent(20)).toBeUndefined();
    expect(events).toEqual([]);
    expect(parseMarkName("vx:3:2:140")).toEqual({ turn: 3, generation: 2, ms: 140 });
    expect(parseMarkName("vx:0:0:1")).toBeUndefined();
    expect(parseMarkName("vx:a:b:c")).toBeUndefined();
  });
});
