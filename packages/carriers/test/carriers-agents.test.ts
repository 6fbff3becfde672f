// A call from each carrier's simulator through createPhoneBridge({ carriers: "auto" }) to each
// agent simulator, over real sockets on 127.0.0.1, on the shared /media path (so the carrier is
// detected): audio both ways, DTMF, barge-in as the carrier's clear, and the ledger's heard audio.
// Twilio's other paths (its own /voice and /media) are in packages/cli/test/twilio-bridge.test.ts.
import { simulateAsteriskCall } from "@voxwire/asterisk/testing";
import { type ConformanceSubject, DEFAULT_SIMULATOR_KEY, startSimulator } from "@voxwire/conformance";
import { ConfigError } from "@voxwire/core";
import { simulateExotelCall } from "@voxwire/exotel/testing";
import { omniSubject } from "@voxwire/omni/testing";
import { orbitaliSubject } from "@voxwire/orbitali/testing";
import { type AgentAudioHeard, type BridgeEvent, defaultPacingScheduler, type PhoneBridge } from "@voxwire/phone";
import type { SimulatedCallOptions, SimulatedCarrierCall } from "@voxwire/phone/testing";
import { simulatePlivoCall } from "@voxwire/plivo/testing";
import { simulateTelnyxCall } from "@voxwire/telnyx/testing";
import { eventually, syntheticClips } from "@voxwire/test-utils";
import { twilioSignature } from "@voxwire/twilio";
import { simulateTwilioCall } from "@voxwire/twilio/testing";
import { simulateVonageCall } from "@voxwire/vonage/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type CarrierName, createPhoneBridge } from "../src/index.js";

const SIGNING_KEY = "signalwire-signing-key";

interface Carrier {
  name: CarrierName;
  rate: number;
  dial(options: SimulatedCallOptions): SimulatedCarrierCall;
}

const CARRIERS: readonly Carrier[] = [
  { name: "twilio", rate: 8000, dial: (o) => simulateTwilioCall(o) as unknown as SimulatedCarrierCall },
  { name: "telnyx", rate: 8000, dial: (o) => simulateTelnyxCall(o) },
  { name: "plivo", rate: 8000, dial: (o) => simulatePlivoCall(o) },
  { name: "asterisk", rate: 8000, dial: (o) => simulateAsteriskCall(o) },
  { name: "vonage", rate: 16000, dial: (o) => simulateVonageCall(o) },
  // At 16 kHz Exotel's messages are 100 ms (at 8 kHz 200 ms, longer than the heard-audio step below).
  { name: "exotel", rate: 16000, dial: (o) => simulateExotelCall({ ...o, sampleRate: 16000 }) },
  {
    name: "signalwire",
    rate: 8000,
    dial: (o) =>
      simulateTwilioCall({ ...o, headers: { "x-signalwire-signature": twilioSignature(SIGNING_KEY, o.url) } }) as unknown as SimulatedCarrierCall,
  },
];
const AGENTS: readonly ConformanceSubject[] = [omniSubject, orbitaliSubject];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

/** The agent's client at the phone's rate where its dialect lets it choose, else at its own. */
function client(subject: ConformanceSubject, url: string, rate: number) {
  try {
    return subject.client({ url, key: DEFAULT_SIMULATOR_KEY, sampleRate: rate });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return subject.client({ url, key: DEFAULT_SIMULATOR_KEY });
  }
}

/** A tone the agent simulator's voice detector takes for speech. */
function speech(rate: number, seconds: number): Int16Array {
  const out = new Int16Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / rate));
  return out;
}

describe.each(CARRIERS)("a $name call", (carrier) => {
  it.each(AGENTS)(
    "bridged to the $name simulator: audio both ways, DTMF, barge-in, the ledger",
    async (agent) => {
      const sim = await startSimulator({ front: agent.front!(), fast: true, clips: syntheticClips(48000) });
      cleanups.push(() => sim.close());
      const calls: PhoneBridge[] = [];
      const events: BridgeEvent[] = [];
      const server = await createPhoneBridge({
        agent: client(agent, sim.url, carrier.rate),
        carriers: "auto",
        // Most legs here run without their secrets (the simulators sign nothing): explicitly unsigned.
        allowUnsigned: true,
        settings: { signalwire: { signingKey: SIGNING_KEY }, exotel: { sampleRate: 16000 } },
        port: 0,
        // Fast agents send a whole turn at once; a long lead lets it through without real-time waits.
        leadMs: 10_000,
        preconnectBufferMs: 10_000,
        agentOptions: { queue: { maxAudioMs: 10_000 } },
        onCall: (call) => {
          calls.push(call);
          call.on("*", (event) => events.push(event));
        },
      });
      cleanups.push(() => server.close());
      const call = carrier.dial({
        url: `ws://127.0.0.1:${server.port}/media`,
        fast: true,
        playback: "manual",
        stop: "manual",
        tailMs: 0,
        keepAudio: true,
        dtmf: [{ digit: "5", atMs: 0 }],
      });
      cleanups.push(() => call.terminate());
      await call.opened;
      // The carrier was detected from its opening: the bridge knows the call by the carrier's ids.
      await eventually(() => calls[0]?.call !== undefined, "the call to start");
      expect(calls[0]!.call!.carrier).toBe(carrier.name);

      // Agent → caller: the greeting arrives in the carrier's frames; the caller has heard 100 ms of it.
      const greetingMs = syntheticClips(carrier.rate).at("greeting", carrier.rate).durationMs;
      await eventually(() => call.record.received.audioMs >= greetingMs - 100, `the greeting (${greetingMs} ms)`);
      expect(call.record.received.dropped).toEqual([]);
      expect(call.receivedAudio().some((s) => s !== 0)).toBe(true);
      call.advance(100);
      await eventually(() => events.some((e) => e.type === "agent-audio-heard" && e.heardMs === 100), "100 ms heard");

      // DTMF pressed at the start reached the bridge (and the agent, where its dialect takes digits).
      expect(events.find((e) => e.type === "dtmf")).toMatchObject({ digit: "5" });

      // More than was heard has reached the carrier (on a leg with long frames, the tail of the greeting goes out once the agent pauses).
      await eventually(() => call.record.received.audioMs > 100, "more greeting than was heard");
      // Caller → agent: the caller talks over the greeting; the agent flushes; the carrier gets its clear.
      call.sendAudio(speech(carrier.rate, 0.4));
      await eventually(() => call.record.received.clears.length === 1, "the carrier's clear");
      expect(events.find((e) => e.type === "barge-in")).toMatchObject({ turn: 1 });
      const final = events.find((e): e is AgentAudioHeard => e.type === "agent-audio-heard" && e.final && e.turn === 1);
      expect(final).toMatchObject({ heardMs: 100, interrupted: true });
      expect(final!.sentMs).toBeGreaterThan(100);
      const [session] = sim.sessions();
      expect(session!.received.audio.seconds).toBeGreaterThan(0.3);

      await call.stop();
      expect(await calls[0]!.ended).toMatchObject({ reason: "caller-hung-up", leg: "phone" });
      expect(events.filter((e) => e.type === "error" && e.fatal)).toEqual([]);
      await eventually(() => sim.liveSessions().length === 0);
      expect(defaultPacingScheduler().pending).toBe(0);
    },
    20_000,
  );
});
