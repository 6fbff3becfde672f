// Carrier detection on the shared path: each leg recognises its carrier from the upgrade and the
// opening messages; Twilio, Telnyx and Exotel all open with `connected`, so that alone decides nothing.
import { detectCarrier } from "@voxwire/phone";
import { describe, expect, it } from "vitest";
import { CARRIER_NAMES, resolveCarriers } from "../src/index.js";

const legs = resolveCarriers("auto") as Parameters<typeof detectCarrier>[0];
const detect = (frames: (string | Uint8Array)[], extra: { headers?: Record<string, string>; protocols?: string[] } = {}) =>
  detectCarrier(legs, { headers: extra.headers ?? {}, protocols: extra.protocols ?? [], frames })?.name ?? null;

describe("carrier detection", () => {
  it("serves every carrier", () => {
    expect(legs.map((l) => l.name)).toEqual([...CARRIER_NAMES]);
  });

  it("a connected message alone decides nothing; the start that follows does", () => {
    expect(
      detectCarrier(legs, { headers: {}, protocols: [], frames: ['{"event":"connected","protocol":"Call","version":"1.0.0"}'] }),
    ).toBeUndefined();
    expect(detectCarrier(legs, { headers: {}, protocols: [], frames: ['{"event":"connected","version":"1.0.0"}'] })).toBeUndefined();
    expect(detectCarrier(legs, { headers: {}, protocols: [], frames: ['{"event":"connected"}'] })).toBeUndefined();
    const connected = '{"event":"connected"}';
    expect(detect([connected, '{"event":"start","streamSid":"MZ1","start":{"callSid":"CA1","streamSid":"MZ1"}}'])).toBe("twilio");
    expect(detect([connected, '{"event":"start","stream_id":"S1","start":{"call_control_id":"v3:x"}}'])).toBe("telnyx");
    expect(detect([connected, '{"event":"start","stream_sid":"MZ1","start":{"call_sid":"CA1"}}'])).toBe("exotel");
  });

  it("the others by their first message, their subprotocol or their signature header", () => {
    expect(detect(['{"event":"start","sequenceNumber":1,"start":{"streamId":"S","callId":"C"}}'])).toBe("plivo");
    expect(detect(['{"event":"websocket:connected","content-type":"audio/l16;rate=16000"}'])).toBe("vonage");
    expect(detect([], { protocols: ["media"] })).toBe("asterisk");
    expect(detect(["MEDIA_START connection_id:c channel:WebSocket/c format:ulaw optimal_frame_size:160"])).toBe("asterisk");
    expect(
      detect(['{"event":"connected"}', '{"event":"start","streamSid":"S","start":{"callSid":"C"}}'], { headers: { "x-signalwire-signature": "x" } }),
    ).toBe("signalwire");
  });

  it("a stream no carrier would send is nobody's", () => {
    expect(detect(['{"event":"hello"}'])).toBeNull();
    expect(detect([new Uint8Array(160)])).toBeNull();
  });
});
