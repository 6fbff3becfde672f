// maxCalls: past the cap, new calls are refused the way a carrier understands (503 + Retry-After,
// on the answer webhook and the upgrade) and /readyz fails, while the live call carries on untouched.
import { createPhoneBridge, type PhoneBridge } from "@voxwire/phone";
import { eventually, pollUntil } from "@voxwire/test-utils";
import { twilioCarrier } from "@voxwire/twilio";
import { afterEach, describe, expect, it } from "vitest";
import { agentFor, dialTwilio, http, startAgent, upgrade } from "./ops-fixtures.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

describe("maxCalls", () => {
  it("refuses the call past the cap with 503 and Retry-After, never touching the live one", async () => {
    const sim = await startAgent(cleanups);
    const calls: PhoneBridge[] = [];
    const server = await createPhoneBridge({
      agent: agentFor(sim),
      carriers: [twilioCarrier()],
      allowUnsigned: true,
      port: 0,
      maxCalls: 1,
      retryAfterSeconds: 7,
      phoneInactivityMs: 0,
      leadMs: 5000,
      onCall: (call) => calls.push(call),
    });
    cleanups.push(() => server.close());
    const ws = server.url.replace("http", "ws");
    const first = dialTwilio(`${ws}/twilio/media`, cleanups);
    await first.opened;
    await eventually(() => first.record.received.audioMs > 0, "the first call's agent audio");

    const refused = await upgrade(`${ws}/twilio/media`);
    expect(refused).toMatchObject({ status: 503, headers: { "retry-after": "7" } });
    const webhook = await http("POST", `${server.url}/twilio/answer`);
    expect(webhook).toMatchObject({ status: 503, headers: { "retry-after": "7" } });
    const ready = await http("GET", `${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ status: "at_capacity", ready: false, liveCalls: 1, maxCalls: 1 });
    expect((await http("GET", `${server.url}/healthz`)).status).toBe(200);

    // The live call is whole: still bridged, its audio still flowing, ended only by its caller.
    expect(server.calls()).toEqual([calls[0]]);
    const heardBefore = first.record.received.audioMs;
    first.sendAudio(new Int16Array(1600).fill(1000));
    await eventually(() => sim.sessions()[0]!.received.audio.seconds > 0.1, "the caller's audio at the agent");
    expect(first.record.received.audioMs).toBeGreaterThanOrEqual(heardBefore);
    await first.stop();
    expect(await calls[0]!.ended).toMatchObject({ reason: "caller-hung-up" });

    // Below the cap again: ready, and a new call is taken.
    await pollUntil(async () => (await http("GET", `${server.url}/readyz`)).status === 200 || undefined, "ready again");
    const second = dialTwilio(`${ws}/twilio/media`, cleanups);
    await second.opened;
    await eventually(() => server.calls().length === 1, "the second call");
    await second.stop();
  }, 20_000);
});
