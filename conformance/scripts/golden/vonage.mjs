// The golden files of the Vonage Voice API WebSocket (Vonage, "WebSockets":
// https://developer.vonage.com/en/voice/voice-api/concepts/websockets): conformance/golden/vonage/
// (L16 16 kHz) and conformance/golden/vonage-8k/, written by ../make-golden.mjs.
import { b64, ended, error, inBinary, inText, notJson, outBinary, outText, pcmBytes, TOLERANCE, tone } from "./shared.mjs";

export const dialect = "vonage";
export const dialects = ["vonage", "vonage-8k"];

const SRC =
  'Vonage, "WebSockets" (websocket:connected with the NCCO headers merged in, BINARY 16-bit linear PCM in 20 ms frames, notify, clear, DTMF): https://developer.vonage.com/en/voice/voice-api/concepts/websockets';
const headers = { call_uuid: "aaaaaaaa-bbbb-cccc-dddd-0123456789ab", conversation_uuid: "CON-aaaaaaaa-bbbb-cccc-dddd-0123456789ab", tenant: "acme" };
const NOTES =
  "call_uuid and conversation_uuid are the headers voxwire's NCCO adds (the answer webhook's uuid and conversation_uuid); the notify payload is the application's own, here the mark's name; payloads: a 440 Hz tone from the caller, 660 Hz back";

function opening(rate) {
  return inText({ event: "websocket:connected", "content-type": `audio/l16;rate=${rate}`, ...headers }, [
    { type: "session-accepted" },
    {
      type: "session-started",
      ids: { callId: headers.call_uuid, streamId: headers.conversation_uuid },
      metadata: { tracks: ["inbound"], customParameters: headers, contentType: `audio/l16;rate=${rate}` },
    },
  ]);
}

export function build(write) {
  const header = (rate, title, source) => {
    const fmt = { encoding: "pcm16", sampleRate: rate, frameMs: 20 };
    return { title, source, audio: { outbound: fmt, inbound: fmt } };
  };
  const audio = (rate) => {
    const n = rate / 50;
    const caller = tone(rate, n, 440);
    const agent = tone(rate, n, 660);
    return [
      inBinary(pcmBytes(caller), [{ type: "audio-chunk", audio: b64(caller), sampleRate: rate }]),
      outBinary(pcmBytes(agent), [{ type: "audio-append", audio: b64(agent), sampleRate: rate }]),
    ];
  };
  write("stream", header(16000, "websocket:connected, BINARY L16 both ways, a keypress, a notify answered, the call ends", `${SRC}; ${NOTES}`), [
    opening(16000),
    ...audio(16000),
    outText({ action: "notify", payload: { name: "utt-1" } }, [{ type: "mark", name: "utt-1" }]),
    inText({ event: "websocket:dtmf", digit: "1", duration: 260 }, [{ type: "dtmf-received", digit: "1" }]),
    inText({ event: "websocket:notify", payload: { name: "utt-1" } }, [{ type: "mark-played", name: "utt-1" }]),
    { dir: "in", close: { code: 1000, reason: "" }, events: [ended("closed", 1000)] },
  ]);
  write("barge-in", header(16000, "clear: Vonage drops the audio it buffered and answers websocket:cleared", `${SRC}; ${NOTES}`), [
    opening(16000),
    outText({ action: "notify", payload: { name: "utt-1" } }, [{ type: "mark", name: "utt-1" }]),
    outText({ action: "clear" }, [{ type: "playback-clear" }]),
    inText({ event: "websocket:cleared" }, [{ type: "passthrough", name: "websocket:cleared", payload: { event: "websocket:cleared" } }]),
  ]);
  write(
    "tolerance",
    header(
      16000,
      "what Vonage never sends: reported, never a crash",
      `${SRC}: the first message is websocket:connected; docs/writing-a-dialect.md, "Rules a codec keeps"`,
    ),
    [
      inBinary(pcmBytes(tone(16000, 320, 440)), [error("protocol_violation", false, false)], notJson("audio before websocket:connected")),
      opening(16000),
      inBinary([1, 2, 3], [error("invalid_audio", false, false)], notJson("an odd number of bytes is not whole L16 samples")),
      inText('{"event":"webs', [error("protocol_violation", false, false)], notJson(TOLERANCE)),
    ],
  );
  write(
    "stream",
    header(8000, "L16 at 8 kHz (content-type audio/l16;rate=8000): 320-byte frames", `${SRC}; ${NOTES}`),
    [opening(8000), ...audio(8000)],
    "vonage-8k",
  );
}
