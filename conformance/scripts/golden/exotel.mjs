// The golden files of Exotel AgentStream, Voicebot applet (Exotel, "AgentStream: WebSocket
// protocol": https://developer.exotel.com/docs/agentstream/websocket-protocol):
// conformance/golden/exotel/, written by ../make-golden.mjs.
import { b64, ended, error, inBinary, inText, notJson, outText, pcmBytes, TOLERANCE, tone } from "./shared.mjs";

export const dialect = "exotel";

const SRC =
  'Exotel, "AgentStream: WebSocket protocol" (connected, start, media, dtmf, mark, stop; media, mark, clear back; snake_case fields, string counters): https://developer.exotel.com/docs/agentstream/websocket-protocol';
const RULES =
  'Exotel, "Stream and Voicebot applet" (chunks back: multiples of 320 bytes, at least 3.2 KB, at most 100 KB): https://developer.exotel.com/docs/agentstream/stream-voicebot-applet';
const ids = {
  streamId: "MZ00000000000000000000000000000001",
  callId: "CA00000000000000000000000000000001",
  accountId: "AC00000000000000000000000000000001",
};
const NOTES =
  "the ids are placeholders in the reference's MZ…/CA…/AC… shape; payloads: raw 16-bit PCM (little-endian) of a 440 Hz tone from the caller in 100 ms chunks, 660 Hz back";

function opening() {
  const start = {
    event: "start",
    sequence_number: "1",
    stream_sid: ids.streamId,
    start: {
      stream_sid: ids.streamId,
      call_sid: ids.callId,
      account_sid: ids.accountId,
      from: "+919999999999",
      to: "+918888888888",
      custom_parameters: { key1: "value1" },
      media_format: { encoding: "audio/x-raw", sample_rate: "8000", bit_rate: "16" },
    },
  };
  return [
    inText({ event: "connected" }, [{ type: "session-accepted" }]),
    inText(start, [
      {
        type: "session-started",
        ids,
        metadata: {
          tracks: ["inbound"],
          customParameters: { key1: "value1" },
          mediaFormat: { encoding: "audio/x-raw", sampleRate: 8000, bitRate: 16 },
          from: "+919999999999",
          to: "+918888888888",
        },
      },
    ]),
  ];
}

export function build(write) {
  const audio = { outbound: { encoding: "pcm16", sampleRate: 8000, frameMs: 200 }, inbound: { encoding: "pcm16", sampleRate: 8000 } };
  const header = (title, source) => ({ title, source, audio });
  const caller = tone(8000, 800, 440);
  const agent = tone(8000, 1600, 660);
  write("stream", header("connected, start, a caller chunk, 3.2 KB (200 ms) back, a keypress, a mark echoed, stop", `${SRC}; ${RULES}; ${NOTES}`), [
    ...opening(),
    inText(
      {
        event: "media",
        sequence_number: "2",
        stream_sid: ids.streamId,
        media: { chunk: "1", timestamp: "0", payload: pcmBytes(caller).toString("base64") },
      },
      [{ type: "audio-chunk", audio: b64(caller), sampleRate: 8000 }],
    ),
    outText({ event: "media", stream_sid: ids.streamId, media: { payload: pcmBytes(agent).toString("base64") } }, [
      { type: "audio-append", audio: b64(agent), sampleRate: 8000 },
    ]),
    outText({ event: "mark", stream_sid: ids.streamId, mark: { name: "utt-1" } }, [{ type: "mark", name: "utt-1" }]),
    inText({ event: "dtmf", sequence_number: "3", stream_sid: ids.streamId, dtmf: { digit: "5", duration: "100" } }, [
      { type: "dtmf-received", digit: "5" },
    ]),
    inText({ event: "mark", sequence_number: "4", stream_sid: ids.streamId, mark: { name: "utt-1" } }, [{ type: "mark-played", name: "utt-1" }]),
    inText(
      {
        event: "stop",
        sequence_number: "5",
        stream_sid: ids.streamId,
        stop: { call_sid: ids.callId, account_sid: ids.accountId, reason: "callended" },
      },
      [{ type: "session-ending", reason: "stop" }, ended("stop")],
    ),
  ]);
  write(
    "barge-in",
    header(
      "clear: Exotel drops the audio it holds",
      `${SRC}: the clear event; that pending marks come back on clear is Twilio's documented behaviour, which the Voicebot applet is read to share`,
    ),
    [
      ...opening(),
      outText({ event: "mark", stream_sid: ids.streamId, mark: { name: "utt-1" } }, [{ type: "mark", name: "utt-1" }]),
      outText({ event: "clear", stream_sid: ids.streamId }, [{ type: "playback-clear" }]),
      inText({ event: "mark", sequence_number: "2", stream_sid: ids.streamId, mark: { name: "utt-1" } }, [{ type: "mark-played", name: "utt-1" }]),
    ],
  );
  write(
    "tolerance",
    header(
      "what Exotel never sends: reported, never a crash",
      `${SRC}: JSON text only, each message names its stream_sid; docs/writing-a-dialect.md, "Rules a codec keeps"`,
    ),
    [
      inText(
        { event: "media", sequence_number: "1", stream_sid: ids.streamId, media: { payload: "" } },
        [error("protocol_violation", false, false)],
        notJson("media before start"),
      ),
      ...opening(),
      inText(
        { event: "media", sequence_number: "2", stream_sid: "MZ-another", media: { chunk: "1", payload: "" } },
        [error("protocol_violation", false, false)],
        notJson("another stream's media"),
      ),
      inText('{"event":"med', [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inBinary([1, 2, 3], [error("protocol_violation", false, false)], notJson("Exotel sends JSON text only")),
    ],
  );
}
