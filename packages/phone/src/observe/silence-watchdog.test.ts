import { describe, expect, it } from "vitest";
import { FakeAgent } from "../../test/fake-leg.js";
import type { PhoneCall, SilenceInfo } from "../index.js";
import { observedCall, settle } from "./observed-call.test-helpers.js";

/** An agent that takes typed text, and keeps it. */
class TextAgent extends FakeAgent {
  readonly texts: string[] = [];
  constructor() {
    super();
    this.capabilities = { ...this.capabilities, textInput: true };
  }
  // Optional only to match FakeAgent's no-argument stub; the bridge always passes the prompt.
  override sendText(text?: string): void {
    if (text !== undefined) this.texts.push(text);
  }
}

describe("silence watchdog", () => {
  it("prompts the agent once per silent stretch, again after the caller has spoken", async () => {
    const agent = new TextAgent();
    const call = observedCall({ silence: { promptAfterMs: 1000, prompt: "Are you still there?" } }, agent);
    call.leg.start();
    await settle();
    call.time.advance(900);
    expect(agent.texts).toEqual([]);
    call.time.advance(200);
    expect(agent.texts).toEqual(["Are you still there?"]);
    call.time.advance(3000);
    expect(agent.texts).toHaveLength(1);
    await call.caller(10, 3000); // the caller answers
    call.time.advance(1500);
    expect(agent.texts).toHaveLength(2);
    expect(call.b.call).toBeDefined();
    await call.b.close();
  });

  it("runs the application's hook instead, with how long it has been silent", async () => {
    const agent = new TextAgent();
    const seen: [PhoneCall, SilenceInfo][] = [];
    const call = observedCall({ silence: { promptAfterMs: 500, prompt: "unused", onSilence: (c, info) => void seen.push([c, info]) } }, agent);
    call.leg.start();
    await settle();
    call.time.advance(700);
    await settle();
    expect(seen).toHaveLength(1);
    expect(seen[0]![0].callId).toBe("C1");
    expect(seen[0]![1].silentMs).toBeGreaterThanOrEqual(500);
    expect(agent.texts).toEqual([]);
    await call.b.close();
  });

  it("agent audio going out is not the caller's silence", async () => {
    const agent = new TextAgent();
    const call = observedCall({ silence: { promptAfterMs: 1000, prompt: "hello?" } }, agent);
    call.leg.start();
    await settle();
    for (let i = 0; i < 8; i++) {
      call.agentSays(10, 500); // 200 ms of agent speech every 200 ms
      call.time.advance(200);
    }
    expect(agent.texts).toEqual([]);
    await call.b.close();
  });

  it("hangs up both legs after hangUpAfterMs of silence, with reason silence", async () => {
    const agent = new FakeAgent();
    const call = observedCall({ silence: { hangUpAfterMs: 2000 } }, agent);
    call.leg.start();
    await settle();
    await call.caller(50, 3000); // a second of speech keeps the call up
    call.time.advance(1500);
    await settle();
    expect(agent.closedWith).toBeUndefined();
    call.time.advance(1000);
    const ended = await call.b.ended;
    expect(ended).toMatchObject({ type: "ended", reason: "silence", leg: "bridge" });
    expect(agent.closedWith).toBe("silence");
    expect(call.leg.session.state).toBe("closed");
    expect(call.scheduler.pending).toBe(0);
  });

  it("is off by default: a silent call stays up", async () => {
    const agent = new TextAgent();
    const call = observedCall({ silence: {} }, agent);
    call.leg.start();
    await settle();
    call.time.advance(120_000);
    await settle();
    expect(agent.closedWith).toBeUndefined();
    expect(agent.texts).toEqual([]);
    await call.b.close();
  });
});
