import type { ConnectPlan, InboundEvent, PeerDecoded } from "@voxwire/core";
import { codecEnv } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { twilio } from "./index.js";

const dialect = twilio();
const plan = (dialect.prepare({ runtime: "node", now: 0 }) as { plan: ConnectPlan }).plan;
const ids = { streamSid: "MZ1", callSid: "CA1", accountSid: "AC1" };

function pair() {
  const peer = dialect.createPeerCodec!(plan);
  const app = dialect.createCodec(plan, codecEnv());
  const deliver = (event: InboundEvent): InboundEvent[] => peer.encode(event).flatMap((frame) => app.decode(frame));
  return { peer, app, deliver };
}

describe("Twilio's side (the simulator's codec)", () => {
  it("sends connected, start and media with string sequence numbers, chunks and timestamps", () => {
    const { peer } = pair();
    expect(JSON.parse(peer.encode({ type: "session-accepted" })[0] as string)).toEqual({ event: "connected", protocol: "Call", version: "1.0.0" });
    const start = JSON.parse(peer.encode({ type: "session-started", ids, metadata: { customParameters: { a: "b" } } })[0] as string);
    expect(start).toMatchObject({
      event: "start",
      sequenceNumber: "1",
      streamSid: "MZ1",
      start: {
        streamSid: "MZ1",
        callSid: "CA1",
        accountSid: "AC1",
        tracks: ["inbound"],
        customParameters: { a: "b" },
        mediaFormat: { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 },
      },
    });
    const first = JSON.parse(peer.encode({ type: "audio-chunk", audio: new Int16Array(160), sampleRate: 8000 })[0] as string);
    const second = JSON.parse(peer.encode({ type: "audio-chunk", audio: new Int16Array(160), sampleRate: 8000 })[0] as string);
    expect(first).toMatchObject({ event: "media", sequenceNumber: "2", streamSid: "MZ1", media: { track: "inbound", chunk: "1", timestamp: "0" } });
    expect(second.media).toMatchObject({ chunk: "2", timestamp: "20" });
    expect(second.sequenceNumber).toBe("3");
  });

  it("round-trips through the application's codec: start, audio, DTMF, marks, stop", () => {
    const { deliver } = pair();
    deliver({ type: "session-accepted" });
    expect(deliver({ type: "session-started", ids })[0]).toMatchObject({ type: "session-started", ids });
    const audio = Int16Array.from({ length: 160 }, (_, i) => (i % 2 ? 1 : -1) * 4 * 31);
    const chunk = deliver({ type: "audio-chunk", audio, sampleRate: 8000 })[0] as Extract<InboundEvent, { type: "audio-chunk" }>;
    expect(chunk.audio.length).toBe(160);
    expect(deliver({ type: "dtmf-received", digit: "#" })[0]).toMatchObject({ type: "dtmf-received", digit: "#" });
    expect(deliver({ type: "mark-played", name: "m1" })[0]).toMatchObject({ type: "mark-played", name: "m1" });
    expect(deliver({ type: "session-ended", reason: "stop" }).map((e) => e.type)).toEqual(["session-ending", "session-ended"]);
  });

  it("decodes the application's media, mark and clear; a missing or wrong streamSid is an error (Twilio drops it)", () => {
    const { peer, app } = pair();
    peer.encode({ type: "session-started", ids });
    app.decode(peer.encode({ type: "session-started", ids })[0]!);
    const audio = new Int16Array(160).fill(1000);
    const [media] = app.encode({ type: "audio-append", audio, sampleRate: 8000 });
    const decoded = peer.decode(media!) as PeerDecoded[];
    expect(decoded[0]).toMatchObject({ type: "audio-append", sampleRate: 8000 });
    expect(peer.decode(app.encode({ type: "mark", name: "x" })[0]!)).toEqual([{ type: "mark", name: "x" }]);
    expect(peer.decode(app.encode({ type: "playback-clear" })[0]!)).toEqual([{ type: "playback-clear" }]);
    const [wrong] = peer.decode('{"event":"clear","streamSid":"MZ2"}');
    expect(wrong).toMatchObject({ type: "error", code: "protocol_violation" });
    expect(peer.decode('{"event":"media","media":{"payload":"/w=="}}')[0]).toMatchObject({ type: "error" });
    expect(peer.decode('{"event":"media","streamSid":"MZ1","media":{"payload":"%%"}}')[0]).toMatchObject({ type: "error", code: "invalid_audio" });
    expect(peer.decode('{"event":"hello","streamSid":"MZ1"}')[0]).toMatchObject({ type: "passthrough", name: "hello" });
  });
});
