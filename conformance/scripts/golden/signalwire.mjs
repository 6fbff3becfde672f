// The golden files of SignalWire's Compatibility API stream (SignalWire, "cXML: <Stream>":
// https://developer.signalwire.com/compatibility-api/cxml/voice/stream/), which speaks Twilio's
// Media Streams messages: conformance/golden/signalwire/, written by ../make-golden.mjs.
import { b64, ended, inText, mulawDecode, mulawEncode, outText, tone } from "./shared.mjs";

export const dialect = "signalwire";

const SRC =
  'SignalWire, "cXML: <Stream>" (a bidirectional <Connect><Stream>; the WebSocket messages are those of Twilio Media Streams): https://developer.signalwire.com/compatibility-api/cxml/voice/stream/; the message shapes: Twilio Docs, "Media Streams - WebSocket Messages", https://www.twilio.com/docs/voice/media-streams/websocket-messages';

export function build(write) {
  const fmt = { encoding: "mulaw", sampleRate: 8000, frameMs: 20 };
  // SignalWire's ids are UUIDs; these are placeholders in that shape.
  const ids = {
    streamSid: "9d7e2a61-3c4b-4f8e-9a01-6b2c5d8e7f10",
    callSid: "a3f6e2c4-9b3e-4c7e-8f51-2d1e0c9b7a66",
    accountSid: "b3877c40-da60-4998-90ad-b792e98472af",
  };
  const mediaFormat = { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 };
  const caller = mulawEncode(tone(8000, 160, 440));
  const agent = mulawDecode(mulawEncode(tone(8000, 160, 660)));
  write(
    "stream",
    {
      title: "a bidirectional stream on SignalWire: connected, start, media both ways, a mark echoed, stop",
      source: `${SRC}; the ids are UUID-shaped placeholders`,
      audio: { outbound: fmt, inbound: fmt },
    },
    [
      inText({ event: "connected", protocol: "Call", version: "1.0.0" }, [{ type: "session-accepted" }]),
      inText(
        {
          event: "start",
          sequenceNumber: "1",
          streamSid: ids.streamSid,
          start: {
            accountSid: ids.accountSid,
            streamSid: ids.streamSid,
            callSid: ids.callSid,
            tracks: ["inbound"],
            customParameters: {},
            mediaFormat,
          },
        },
        [{ type: "session-started", ids, metadata: { tracks: ["inbound"], customParameters: {}, mediaFormat } }],
      ),
      inText(
        {
          event: "media",
          sequenceNumber: "2",
          streamSid: ids.streamSid,
          media: { track: "inbound", chunk: "1", timestamp: "0", payload: caller.toString("base64") },
        },
        [{ type: "audio-chunk", audio: b64(mulawDecode(caller)), sampleRate: 8000 }],
      ),
      outText({ event: "media", streamSid: ids.streamSid, media: { payload: mulawEncode(agent).toString("base64") } }, [
        { type: "audio-append", audio: b64(agent), sampleRate: 8000 },
      ]),
      outText({ event: "mark", streamSid: ids.streamSid, mark: { name: "utt-1" } }, [{ type: "mark", name: "utt-1" }]),
      inText({ event: "mark", sequenceNumber: "3", streamSid: ids.streamSid, mark: { name: "utt-1" } }, [{ type: "mark-played", name: "utt-1" }]),
      outText({ event: "clear", streamSid: ids.streamSid }, [{ type: "playback-clear" }]),
      inText({ event: "stop", sequenceNumber: "4", streamSid: ids.streamSid, stop: { accountSid: ids.accountSid, callSid: ids.callSid } }, [
        { type: "session-ending", reason: "stop" },
        ended("stop"),
      ]),
    ],
  );
}
