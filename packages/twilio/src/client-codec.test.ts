import { base64Encode, type ConnectPlan, type InboundEvent, mulawDecode, mulawEncode } from "@voxwire/core";
import { codecEnv } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { twilio } from "./index.js";

const dialect = twilio();
const plan = (dialect.prepare({ runtime: "node", now: 0 }) as { plan: ConnectPlan }).plan;
const SID = "MZ18ad3ab5a668481ce02b83e7395059f0";

// Shapes transcribed from Twilio's Media Streams WebSocket message reference (Twilio Media Streams messages, docs/sources.md):
// sequenceNumber, chunk and timestamp are strings.
const CONNECTED = '{"event":"connected","protocol":"Call","version":"1.0.0"}';
const START = JSON.stringify({
  event: "start",
  sequenceNumber: "1",
  start: {
    accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    streamSid: SID,
    callSid: "CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    tracks: ["inbound"],
    customParameters: { FirstName: "Jane", RemoteParty: "Bob" },
    mediaFormat: { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 },
  },
  streamSid: SID,
});
const media = (payload: string, sid = SID) =>
  JSON.stringify({ event: "media", sequenceNumber: "3", media: { track: "inbound", chunk: "1", timestamp: "5", payload }, streamSid: sid });

function started() {
  const codec = dialect.createCodec(plan, codecEnv());
  codec.decode(CONNECTED);
  codec.decode(START);
  return codec;
}

function only<T extends InboundEvent["type"]>(events: InboundEvent[], type: T): Extract<InboundEvent, { type: T }> {
  expect(events.map((e) => e.type)).toEqual([type]);
  return events[0] as Extract<InboundEvent, { type: T }>;
}

describe("the Twilio dialect", () => {
  it("is a server-role dialect: 8 kHz μ-law in 20 ms frames both ways, clear/marks/DTMF in", () => {
    expect(dialect.role).toBe("server");
    expect(plan.audio.outbound).toEqual({ encoding: "mulaw", sampleRate: 8000, frameMs: 20 });
    expect(plan.audio.inbound).toEqual({ encoding: "mulaw", sampleRate: 8000, frameMs: 20 });
    expect(dialect.capabilities).toMatchObject({ clearOut: true, marks: true, dtmfIn: true, dtmfOut: false, bargeIn: false });
    expect(plan.url).toBe("/media");
    expect(() => twilio({ path: "media" })).toThrow(/path must start/);
  });
});

describe("decoding what Twilio sends", () => {
  it("connected → session-accepted; start → session-started with ids and details, and ready", () => {
    const codec = dialect.createCodec(plan, codecEnv());
    expect(codec.ready).toBe(false);
    expect(only(codec.decode(CONNECTED), "session-accepted").raw).toBe(CONNECTED);
    expect(codec.ready).toBe(false);
    const start = only(codec.decode(START), "session-started");
    expect(start.ids).toEqual({ streamSid: SID, callSid: "CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" });
    expect(start.metadata).toEqual({
      tracks: ["inbound"],
      customParameters: { FirstName: "Jane", RemoteParty: "Bob" },
      mediaFormat: { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 },
    });
    expect(codec.ready).toBe(true);
  });

  it("media → PCM16 at 8 kHz, decoded with core's μ-law table", () => {
    const codec = started();
    const codes = Uint8Array.from({ length: 160 }, (_, i) => (i * 37) & 0xff);
    const chunk = only(codec.decode(media(base64Encode(codes))), "audio-chunk");
    expect(chunk.sampleRate).toBe(8000);
    expect(Array.from(chunk.audio)).toEqual(Array.from(mulawDecode(codes)));
  });

  it("dtmf, mark and stop", () => {
    const codec = started();
    const dtmf = JSON.stringify({ event: "dtmf", streamSid: SID, sequenceNumber: "5", dtmf: { track: "inbound_track", digit: "1" } });
    expect(only(codec.decode(dtmf), "dtmf-received").digit).toBe("1");
    const mark = JSON.stringify({ event: "mark", sequenceNumber: "4", streamSid: SID, mark: { name: "my label" } });
    expect(only(codec.decode(mark), "mark-played").name).toBe("my label");
    const stop = JSON.stringify({ event: "stop", sequenceNumber: "6", streamSid: SID, stop: { accountSid: "AC1", callSid: "CA1" } });
    expect(codec.decode(stop).map((e) => e.type)).toEqual(["session-ending", "session-ended"]);
    expect(codec.ready).toBe(false);
  });

  it("media before start, another stream's sid, bad base64 and a bad digit are error events, not throws", () => {
    const early = dialect.createCodec(plan, codecEnv());
    const before = only(early.decode(media("////")), "error");
    expect(before).toMatchObject({ code: "protocol_violation", fatal: false });
    expect(before.message).toMatch(/before start/);

    const codec = started();
    expect(only(codec.decode(media("////", "MZother")), "error").message).toMatch(/another stream/);
    const bad = only(codec.decode(media("not base64!")), "error");
    expect(bad).toMatchObject({ code: "invalid_audio", fatal: false });
    expect(only(codec.decode(media("abcde")), "error").code).toBe("invalid_audio");
    const dtmf = codec.decode(JSON.stringify({ event: "dtmf", streamSid: SID, dtmf: { digit: "x" } }));
    expect(dtmf.map((e) => e.type)).toEqual(["error", "passthrough"]);
    expect(only(codec.decode(JSON.stringify({ event: "mark", streamSid: SID, mark: {} })), "error").code).toBe("protocol_violation");
  });

  it("a start whose mediaFormat is not 8 kHz μ-law is reported, and its media refused", () => {
    const codec = dialect.createCodec(plan, codecEnv());
    const wide = JSON.parse(START);
    wide.start.mediaFormat = { encoding: "audio/x-l16", sampleRate: 16000, channels: 1 };
    const events = codec.decode(JSON.stringify(wide));
    expect(events.map((e) => e.type)).toEqual(["session-started", "error"]);
    expect(only(codec.decode(media(base64Encode(new Uint8Array(320)))), "error").message).toMatch(/audio\/x-l16 at 16000 Hz/);
  });

  it("a start without a streamSid leaves the codec not ready", () => {
    const codec = dialect.createCodec(plan, codecEnv());
    expect(only(codec.decode('{"event":"start","start":{"callSid":"CA1"}}'), "error").message).toMatch(/without a streamSid/);
    expect(codec.ready).toBe(false);
  });

  it("unknown events pass through whole; malformed frames and binary frames are errors", () => {
    const codec = started();
    const future = '{"event":"future","streamSid":"x","data":{"k":1}}';
    const passed = only(codec.decode(future), "passthrough");
    expect(passed).toMatchObject({ name: "future", raw: future });
    expect(only(codec.decode('{"event":'), "error").code).toBe("protocol_violation");
    expect(only(codec.decode('{"type":"media"}'), "error").code).toBe("protocol_violation");
    expect(only(codec.decode(new Uint8Array([1, 2, 3])), "error").message).toMatch(/only JSON text/);
  });

  it("outbound-track media of a both-tracks stream passes through instead of posing as caller audio", () => {
    const codec = started();
    const outbound = JSON.stringify({ event: "media", streamSid: SID, media: { track: "outbound", chunk: "1", timestamp: "5", payload: "/w==" } });
    expect(only(codec.decode(outbound), "passthrough").name).toBe("media");
  });
});

describe("encoding what we send Twilio", () => {
  it("media: 160 μ-law bytes (core's SoX-exact encoder), base64, tagged with the streamSid", () => {
    const codec = started();
    const pcm = Int16Array.from({ length: 160 }, (_, i) => Math.round(Math.sin(i / 5) * 12000));
    const [frame] = codec.encode({ type: "audio-append", audio: pcm, sampleRate: 8000 });
    const message = JSON.parse(frame as string);
    expect(message).toEqual({ event: "media", streamSid: SID, media: { payload: base64Encode(mulawEncode(pcm)) } });
    expect(Buffer.from(message.media.payload, "base64").length).toBe(160);
  });

  it("mark and clear, tagged; DTMF and stop have no Twilio message", () => {
    const codec = started();
    expect(JSON.parse(codec.encode({ type: "mark", name: 'a "quoted" name' })[0] as string)).toEqual({
      event: "mark",
      streamSid: SID,
      mark: { name: 'a "quoted" name' },
    });
    expect(JSON.parse(codec.encode({ type: "playback-clear" })[0] as string)).toEqual({ event: "clear", streamSid: SID });
    expect(codec.encode({ type: "dtmf-send", digit: "1" })).toEqual([]);
    expect(codec.encode({ type: "session-stop" })).toEqual([]);
  });

  it("refuses to build a message before start, since Twilio would drop it", () => {
    const codec = dialect.createCodec(plan, codecEnv());
    expect(() => codec.encode({ type: "playback-clear" })).toThrow(/before start/);
    expect(() => codec.encode({ type: "audio-append", audio: new Int16Array(160), sampleRate: 8000 })).toThrow(/streamSid/);
  });

  it("a close without stop is a typed error then the end", () => {
    const codec = started();
    const events = codec.close(1006, "");
    expect(events.map((e) => e.type)).toEqual(["error", "session-ended"]);
    expect(codec.close(1000, "").map((e) => e.type)).toEqual(["session-ended"]);
  });
});
