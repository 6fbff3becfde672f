// Keeping calls alive and bounded, over real sockets with small intervals: each leg is pinged, a
// half-open carrier leg (no pongs) ends the call on both legs, a live one stays up; maxCallMs ends a call.
import { eventually, pollUntil } from "@voxwire/test-utils";
import { twilio } from "@voxwire/twilio";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { bridgeWith, dialTwilio } from "./ops-fixtures.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

/** A Twilio stream opened by hand, so the test decides whether it answers pings. */
function rawTwilioStream(url: string, autoPong: boolean) {
  const plan = twilio().prepare({ runtime: "node", now: Date.now() });
  if (plan.kind !== "plan") throw new Error("twilio() always has a plan");
  const codec = twilio().createPeerCodec!(plan.plan);
  const ws = new WebSocket(url, { autoPong });
  cleanups.push(() => ws.terminate());
  let pings = 0;
  ws.on("ping", () => pings++);
  const closed = new Promise<void>((resolve) => ws.once("close", () => resolve()));
  const opened = new Promise<void>((resolve) =>
    ws.once("open", () => {
      for (const event of [
        { type: "session-accepted" },
        {
          type: "session-started",
          ids: { streamSid: "MZ1", callSid: "CA1", accountSid: "AC1" },
          metadata: { tracks: ["inbound"], customParameters: {} },
        },
      ] as const)
        for (const frame of codec.encode(event as never)) ws.send(frame);
      resolve();
    }),
  );
  return { ws, opened, closed, pings: () => pings };
}

describe("keepalive pings", () => {
  it("a carrier leg that stops answering pings (half-open) ends the call on both legs, with the reason", async () => {
    const { sim, calls, events, media } = await bridgeWith(cleanups, { pingIntervalMs: 50, pongTimeoutMs: 150 });
    const stream = rawTwilioStream(media, false);
    await stream.opened;
    await eventually(() => calls[0]?.agent !== undefined, "the call bridged");
    const ended = await calls[0]!.ended;
    expect(ended).toMatchObject({ reason: "phone-failed", leg: "phone" });
    const error = events.find((e) => e.type === "error" && e.leg === "phone");
    expect(error).toMatchObject({ type: "error", fatal: true, message: expect.stringMatching(/half-open/) });
    expect((error as { error?: { vendorCode?: string } }).error?.vendorCode).toBe("pong_timeout");
    await stream.closed;
    await eventually(() => sim.liveSessions().length === 0, "the agent session closed");
  }, 20_000);

  it("a carrier leg that answers its pings stays up through many of them", async () => {
    const { calls, media } = await bridgeWith(cleanups, { pingIntervalMs: 30, pongTimeoutMs: 150 });
    const stream = rawTwilioStream(media, true);
    await stream.opened;
    await eventually(() => calls[0]?.agent !== undefined, "the call bridged");
    await eventually(() => stream.pings() >= 5, "five pings");
    expect(calls[0]!.phone.state).toBe("open");
    expect(calls[0]!.agent!.state).toBe("open");
    stream.ws.close();
    expect(await calls[0]!.ended).toMatchObject({ leg: "phone" });
  }, 20_000);
});

describe("maxCallMs", () => {
  it("ends a call that reaches it on both legs, the carrier told", async () => {
    const { sim, calls, hungUp, media } = await bridgeWith(cleanups, { maxCallMs: 300 });
    const call = dialTwilio(media, cleanups);
    await call.opened;
    const bridged = await pollUntil(() => calls[0], "the call");
    expect(await bridged.ended).toMatchObject({ reason: "max-duration", leg: "bridge", detail: "max_call_duration" });
    await call.done;
    expect(hungUp).toEqual([call.ids.callSid]);
    await eventually(() => sim.liveSessions().length === 0, "the agent session closed");
  }, 20_000);
});
