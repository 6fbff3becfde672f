// Drives one bridged call on the fake carrier leg and the fake agent, on a fake clock: the
// observers' tests share it.
import { fakeClock } from "../../test/fake-clock.js";
import { FakeAgent, fakeLeg } from "../../test/fake-leg.js";
import { type BridgeEvent, type BridgeOptions, bridge, createSharedScheduler } from "../index.js";

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
export const frame = (n: number, value: number) => new Int16Array(n).fill(value);

export function observedCall(options: BridgeOptions = {}, agent = new FakeAgent()) {
  const leg = fakeLeg({ rate: 8000 });
  const time = fakeClock();
  const scheduler = createSharedScheduler({ tickMs: 10, clock: time.clock });
  const b = bridge(leg.session, agent, { scheduler, tracer: false, ...options });
  const events: BridgeEvent[] = [];
  b.on("*", (event) => events.push(event));
  return {
    leg,
    agent,
    time,
    scheduler,
    b,
    events,
    /** The caller sends `count` 20 ms frames of `value`, the clock moving 20 ms after each. */
    async caller(count: number, value: number) {
      for (let i = 0; i < count; i++) {
        leg.audio(frame(160, value));
        await settle();
        time.advance(20);
      }
    },
    /** The agent sends `count` 20 ms frames of `value` at once. */
    agentSays(count: number, value: number, turnId?: string) {
      for (let i = 0; i < count; i++) agent.emit({ type: "audio-chunk", audio: frame(160, value), sampleRate: 8000, ...(turnId ? { turnId } : {}) });
    },
  };
}
