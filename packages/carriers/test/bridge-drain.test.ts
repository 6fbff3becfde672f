// drain(): readiness fails at once, new calls get 503, live calls go on until they end or the
// deadline; those still up at the deadline are ended on both legs, "draining".
import { eventually } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { bridgeWith, dialTwilio, http, upgrade } from "./ops-fixtures.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

describe("drain", () => {
  it("loses no call before the deadline, and ends the rest at it on both legs", async () => {
    const { sim, server, calls, events, hungUp } = await bridgeWith(cleanups);
    const ws = server.url.replace("http", "ws");
    const early = dialTwilio(`${ws}/twilio/media`, cleanups);
    const late = dialTwilio(`${ws}/twilio/media`, cleanups);
    await Promise.all([early.opened, late.opened]);
    await eventually(() => calls.length === 2 && calls.every((c) => c.agent !== undefined), "both calls bridged");
    const [earlyCall, lateCall] = early.ids.callSid === calls[0]!.call?.callSid ? [calls[0]!, calls[1]!] : [calls[1]!, calls[0]!];

    const drained = server.drain({ timeoutMs: 4000 });
    // At once: not ready, and no new call.
    const ready = await http("GET", `${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ status: "draining", draining: true, liveCalls: 2 });
    expect((await http("GET", `${server.url}/healthz`)).status).toBe(200);
    expect(await upgrade(`${ws}/twilio/media`)).toMatchObject({ status: 503, headers: { "retry-after": "5" } });
    expect((await http("POST", `${server.url}/twilio/answer`)).status).toBe(503);

    // Live calls go on: the early one ends on its own, the late one is still up and bridged.
    await early.stop();
    expect(await earlyCall.ended).toMatchObject({ reason: "caller-hung-up" });
    expect(server.calls()).toEqual([lateCall]);
    expect(lateCall.agent?.state).toBe("open");

    // At the deadline the straggler is ended on both legs.
    expect(await drained).toEqual({ completed: 1, ended: 1 });
    expect(await lateCall.ended).toMatchObject({ reason: "draining", leg: "bridge", detail: "drain_timeout" });
    await late.done;
    expect(hungUp).toEqual([late.ids.callSid]);
    await eventually(() => sim.liveSessions().length === 0, "both agent sessions closed");
    const ended = events.filter((event) => event.type === "ended");
    expect(ended.map((e) => (e as { reason: string }).reason).sort()).toEqual(["caller-hung-up", "draining"]);
  }, 30_000);
});
