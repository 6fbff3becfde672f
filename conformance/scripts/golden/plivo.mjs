// The golden files of Plivo Audio Streams (Plivo, "Audio Streaming": the `<Stream>` XML element
// and the stream events, https://www.plivo.com/docs/voice/xml/audiostream): conformance/golden/plivo/
// (L16 8 kHz, Plivo's default) and conformance/golden/plivo-16k/, written by ../make-golden.mjs.
import { b64, ended, error, inBinary, inText, notJson, outText, pcmBytes, TOLERANCE, tone } from "./shared.mjs";

export const dialect = "plivo";
export const dialects = ["plivo", "plivo-16k"];

const SRC =
  'Plivo, "Audio Streaming" events (start, media, dtmf, playedStream, clearedAudio; playAudio, checkpoint, clearAudio): https://www.plivo.com/docs/voice/xml/audiostream';
const FAQ =
  'Plivo support, "Audio Stream" FAQ (checkpoint and its played answer, the example streamId): https://support.plivo.com/hc/en-us/sections/32252450281369-Audio-Stream';
const ids = { streamId: "20170ada-f610-433b-8758-c02a2aab3662", callId: "ba93e8f5-0b3e-4a0b-bbc2-6b7a8c0d1e2f", accountId: "MAXXXXXXXXXXXXXXXXXX" };
const NOTES =
  "sequenceNumber and chunk are numbers, timestamp a string of Unix ms (the golden counts from 0); the callId is a placeholder UUID; L16 payloads are little-endian (the pages say raw audio, voxwire's reading)";

function opening(rate) {
  const start = {
    event: "start",
    sequenceNumber: 1,
    start: {
      callId: ids.callId,
      streamId: ids.streamId,
      accountId: ids.accountId,
      tracks: ["inbound"],
      mediaFormat: { encoding: "audio/x-l16", sampleRate: rate },
    },
    extra_headers: "userId=12345;sessionId=abc",
  };
  return [
    inText(start, [
      {
        type: "session-started",
        ids,
        metadata: {
          tracks: ["inbound"],
          customParameters: { userId: "12345", sessionId: "abc" },
          mediaFormat: { encoding: "audio/x-l16", sampleRate: rate },
        },
      },
    ]),
  ];
}

const media = (rate, i, seq) => {
  const n = rate / 50;
  const caller = tone(rate, n, 440, i * n);
  return inText(
    {
      event: "media",
      sequenceNumber: seq,
      streamId: ids.streamId,
      media: { track: "inbound", timestamp: String(i * 20), chunk: i + 1, payload: pcmBytes(caller).toString("base64") },
      extra_headers: "userId=12345;sessionId=abc",
    },
    [{ type: "audio-chunk", audio: b64(caller), sampleRate: rate }],
  );
};

const playAudio = (rate) => {
  const agent = tone(rate, rate / 50, 660);
  return outText({ event: "playAudio", media: { contentType: "audio/x-l16", sampleRate: rate, payload: pcmBytes(agent).toString("base64") } }, [
    { type: "audio-append", audio: b64(agent), sampleRate: rate },
  ]);
};

export function build(write) {
  const header = (rate, title, source) => {
    const fmt = { encoding: "pcm16", sampleRate: rate, frameMs: 20 };
    return { title, source, audio: { outbound: fmt, inbound: fmt } };
  };
  write(
    "stream",
    header(
      8000,
      "a bidirectional stream: start (no connected), caller media both ways, a keypress, a checkpoint played",
      `${SRC}; ${FAQ}; ${NOTES}; the call ends when Plivo closes the socket (no stop event)`,
    ),
    [
      ...opening(8000),
      media(8000, 0, 2),
      media(8000, 1, 3),
      playAudio(8000),
      outText({ event: "checkpoint", streamId: ids.streamId, name: "customer greeting audio" }, [{ type: "mark", name: "customer greeting audio" }]),
      inText({ event: "dtmf", streamId: ids.streamId, dtmf: { digit: "5" } }, [{ type: "dtmf-received", digit: "5" }]),
      inText({ event: "playedStream", streamId: ids.streamId, name: "customer greeting audio" }, [
        { type: "mark-played", name: "customer greeting audio" },
      ]),
      inText(
        { event: "played", streamId: ids.streamId, name: "customer greeting audio" },
        [{ type: "mark-played", name: "customer greeting audio" }],
        notJson("the FAQ's name for playedStream, read alike; Plivo's reference names it playedStream"),
      ),
      { dir: "in", close: { code: 1000, reason: "" }, events: [ended("closed", 1000)] },
    ],
  );
  write(
    "barge-in",
    header(8000, "clearAudio: Plivo drops its buffered audio and answers clearedAudio; the checkpoint behind it never comes", `${SRC}; ${NOTES}`),
    [
      ...opening(8000),
      outText({ event: "checkpoint", streamId: ids.streamId, name: "utt-1" }, [{ type: "mark", name: "utt-1" }]),
      outText({ event: "clearAudio", streamId: ids.streamId }, [{ type: "playback-clear" }]),
      inText({ event: "clearedAudio", streamId: ids.streamId }, [
        { type: "passthrough", name: "clearedAudio", payload: { event: "clearedAudio", streamId: ids.streamId } },
      ]),
    ],
  );
  write(
    "tolerance",
    header(
      8000,
      "what Plivo never sends: reported, never a crash",
      `${SRC}: JSON text only, and a stream's messages carry its streamId; docs/writing-a-dialect.md, "Rules a codec keeps"`,
    ),
    [
      inText(
        { event: "media", sequenceNumber: 1, streamId: ids.streamId, media: { payload: "" } },
        [error("protocol_violation", false, false)],
        notJson("media before start: no stream is open yet"),
      ),
      ...opening(8000),
      inText(
        { event: "media", sequenceNumber: 2, streamId: "another-stream", media: { track: "inbound", chunk: 1, payload: "" } },
        [error("protocol_violation", false, false)],
        notJson("another stream's media"),
      ),
      inText('{"event":"med', [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inBinary([1, 2, 3], [error("protocol_violation", false, false)], notJson("Plivo sends JSON text only: a binary frame is reported")),
    ],
  );
  write(
    "stream",
    header(
      16000,
      'L16 at 16 kHz both ways (<Stream contentType="audio/x-l16;rate=16000">)',
      `${SRC}; playAudio's sampleRate allows 8000 and 16000 for audio/x-l16; ${NOTES}`,
    ),
    [...opening(16000), media(16000, 0, 2), playAudio(16000)],
    "plivo-16k",
  );
}
