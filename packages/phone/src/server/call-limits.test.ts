// The agent's `session-expiring` is honoured: a session that cannot resume ends the call just
// before the vendor would; one that resumes carries the call on. Timers are vitest's fake ones.
import { silentLogger } from "@voxwire/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeClock } from "../../test/fake-clock.js";
import { FakeAgent, fakeLeg } from "../../test/fake-leg.js";
import { bridge } from "../bridge.js";
import { createSharedScheduler } from "../pacing-scheduler.js";
import { watchCallLimits } from "./call-limits.js";

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function bridgedCall(agent: FakeAgent, maxCallMs?: number) {
  const leg = fakeLeg({ rate: 8000 });
  const scheduler = createSharedScheduler({ tickMs: 10, clock: fakeClock().clock });
  const call = bridge(leg.session, agent, { scheduler });
  watchCallLimits(call, { maxCallMs }, silentLogger);
  leg.start();
  return { call, leg };
}

describe("watchCallLimits", () => {
  it("ends the call just before a session that cannot resume expires (agent-expiring), on both legs", async () => {
    const agent = new FakeAgent();
    const { call, leg } = bridgedCall(agent);
    await vi.advanceTimersByTimeAsync(0);
    agent.emit({ type: "session-expiring", inMs: 5000 });
    await vi.advanceTimersByTimeAsync(3000);
    expect(agent.state).toBe("open"); // the call goes on while it can
    await vi.advanceTimersByTimeAsync(1500);
    await vi.advanceTimersByTimeAsync(5000); // the phone leg's closing handshake
    expect(await call.ended).toMatchObject({ reason: "agent-expiring", leg: "bridge", detail: "agent_session_expiring" });
    expect(agent.closedWith).toBe("agent_expiring");
    expect(leg.session.state).toBe("closed");
  });

  it("leaves a session that resumes to move to a new connection: the call carries on", async () => {
    const agent = new FakeAgent();
    agent.capabilities = { ...agent.capabilities, resumption: true };
    const { call } = bridgedCall(agent);
    await vi.advanceTimersByTimeAsync(0);
    agent.emit({ type: "session-expiring", inMs: 1000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(agent.state).toBe("open");
    void call.close();
    await vi.advanceTimersByTimeAsync(5000);
    expect(await call.ended).toMatchObject({ reason: "closed" });
  });

  it("ends a call at maxCallMs (max-duration), and arms nothing once the call has ended", async () => {
    const agent = new FakeAgent();
    const { call } = bridgedCall(agent, 30_000);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(agent.state).toBe("open");
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(5000); // the phone leg's closing handshake
    expect(await call.ended).toMatchObject({ reason: "max-duration" });

    // A call that ends first leaves no limit armed: past its maxCallMs nothing ends it again.
    const other = bridgedCall(new FakeAgent(), 30_000);
    const events: string[] = [];
    other.call.on("ended", (event) => events.push(event.reason));
    void other.call.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(events).toEqual(["closed"]);
  });
});
