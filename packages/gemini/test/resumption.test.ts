// A Gemini session outlives its connections: the simulator ends every connection a few hundred
// ms after it starts, with a goAway first (as the service does about every ten minutes), and
// voxwire's runtime reconnects with the latest resumption handle (the codec's resumeState(),
// handed to the next codec as env.resume). Across ten connection ends the application sees one
// session-expiring and one session-reconnected per end, never a session-ended or an error, and
// the conversation goes on: each new connection resumes (no second greeting) and answers.
import { type Simulator, startSimulator } from "@voxwire/conformance";
import type { InboundEvent, Session } from "@voxwire/core";
import { connectCollecting, eventually } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { gemini } from "../src/gemini.js";
import { geminiFront } from "../src/testing/index.js";

const KEY = "voxwire-gemini-resumption-key";
const ENDS = 10;
let sim: Simulator | undefined;
const sessions: Session[] = [];

afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
  await sim?.close();
  sim = undefined;
});

/** What the application saw, without audio and transcripts: the session's own story. */
const story = (events: InboundEvent[]) =>
  events.filter((e) => ["session-started", "session-expiring", "session-reconnected", "session-ended", "error"].includes(e.type)).map((e) => e.type);

describe("Gemini resumption through the runtime", () => {
  // goAwayMs 150: the runtime moves on the warning; 0: the warning and the close 1011 come together,
  // so the connection's end itself must not bring a second reconnection.
  it.each([150, 0])(
    `the session outlives ${ENDS} connection ends with no gap the application can see (goAway %i ms before)`,
    async (goAwayMs) => {
      sim = await startSimulator({ front: geminiFront({ connectionMs: 300, goAwayMs }), fast: true, keys: [KEY] });
      const call = await connectCollecting(
        gemini({ apiKey: KEY, model: "gemini-live-2.5-flash-preview", baseUrl: sim.url }),
        { input: { sampleRate: 16000 }, output: { sampleRate: 24000 } },
        sessions,
      );
      await eventually(() => call.of("session-reconnected").length >= ENDS, `${ENDS} reconnections`, 20_000);

      const seen = story(call.events);
      expect(seen.filter((t) => t === "session-ended")).toEqual([]);
      expect(seen.filter((t) => t === "error")).toEqual([]);
      expect(call.of("session-expiring").length).toBeGreaterThanOrEqual(ENDS);
      // One warning, then one reconnection, per connection end: never two of either in a row.
      const lifecycle = seen.filter((t) => t === "session-expiring" || t === "session-reconnected").slice(0, 2 * ENDS);
      expect(lifecycle).toEqual(Array.from({ length: 2 * ENDS }, (_, i) => (i % 2 === 0 ? "session-expiring" : "session-reconnected")));
      expect(
        call
          .of("session-reconnected")
          .slice(0, ENDS)
          .every((e) => e.resumed),
      ).toBe(true);

      // The vendor's side: every connection after the first resumed a handle it issued.
      const records = sim.sessions();
      expect(records.length).toBeGreaterThanOrEqual(ENDS + 1);
      expect(records.slice(1, ENDS + 1).map((r) => r.details.resumed)).toEqual(Array(ENDS).fill(true));
      // One greeting for the whole conversation: resumed connections do not greet again.
      expect(call.of("transcript-delta").filter((e) => e.role === "agent" && e.text === "Hello, how can I help?")).toHaveLength(1);

      // And it still talks: typed text on the latest connection is answered.
      call.session.sendText("Still there?");
      await eventually(() => call.of("transcript-delta").some((e) => e.role === "agent" && e.text === "Sure, I can help with that."), "an answer");
    },
    40_000,
  );
});
