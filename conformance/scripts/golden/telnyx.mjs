// The golden files of Telnyx media streaming (Telnyx, "Stream call media over WebSocket", the
// AsyncAPI specification: https://developers.telnyx.com/api-reference/websockets/stream-call-media-over-websocket):
// conformance/golden/telnyx/ (PCMU 8 kHz) and conformance/golden/telnyx-l16/ (L16 16 kHz),
// written by ../make-golden.mjs.
import { b64, ended, error, inBinary, inText, mulawDecode, mulawEncode, notJson, outText, TOLERANCE, tone } from "./shared.mjs";

export const dialect = "telnyx";
export const dialects = ["telnyx", "telnyx-l16"];

const SRC =
  'Telnyx, "Stream call media over WebSocket" (AsyncAPI), https://developers.telnyx.com/api-reference/websockets/stream-call-media-over-websocket';
const ids = {
  streamId: "32DE0DEA-53CB-4B21-89A4-9E1819C043BC",
  callId: "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg",
  callSessionId: "ff55a038-6f5d-11ef-9692-02420aeffb1f",
  accountId: "3E6F995F-85F7-4705-9741-53B116D28237",
};
const IDS = "the ids are the documented examples'; sequence numbers, chunks and timestamps count up as on one stream";

/** L16 in RTP is network byte order (RFC 3551 §4.5.11). */
function l16(samples) {
  const bytes = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) bytes.writeInt16BE(samples[i], i * 2);
  return bytes;
}

function startFrame(encoding, rate) {
  return {
    event: "start",
    sequence_number: "1",
    stream_id: ids.streamId,
    start: {
      user_id: ids.accountId,
      call_control_id: ids.callId,
      call_session_id: ids.callSessionId,
      from: "+13122010094",
      to: "+13122123456",
      client_state: "aGF2ZSBhIG5pY2UgZGF5ID1d",
      custom_parameters: { customer_id: "customer_123" },
      media_format: { encoding, sample_rate: rate, channels: 1 },
    },
  };
}

function opening(encoding, rate) {
  return [
    inText({ event: "connected", version: "1.0.0" }, [{ type: "session-accepted" }]),
    inText(startFrame(encoding, rate), [
      {
        type: "session-started",
        ids,
        metadata: {
          customParameters: { customer_id: "customer_123" },
          mediaFormat: { encoding, sampleRate: rate, channels: 1 },
          from: "+13122010094",
          to: "+13122123456",
          client_state: "aGF2ZSBhIG5pY2UgZGF5ID1d",
        },
      },
    ]),
  ];
}

/** Calls `write(scenario, header, lines, folder?)` once per golden file. */
export function build(write) {
  const fmt = { encoding: "mulaw", sampleRate: 8000, frameMs: 20 };
  const header = (title, source) => ({ title, source, audio: { outbound: fmt, inbound: fmt } });
  const callerCodes = (i) => mulawEncode(tone(8000, 160, 440, i * 160));
  const media = (i, seq) =>
    inText(
      {
        event: "media",
        sequence_number: String(seq),
        stream_id: ids.streamId,
        media: { track: "inbound", chunk: String(i + 1), timestamp: String(i * 20), payload: callerCodes(i).toString("base64") },
      },
      [{ type: "audio-chunk", audio: b64(mulawDecode(callerCodes(i))), sampleRate: 8000 }],
    );
  const agent = mulawDecode(mulawEncode(tone(8000, 160, 660)));
  write(
    "stream",
    header(
      "a bidirectional RTP stream: connected, start, caller media both ways, a keypress, a mark echoed, stop",
      `${SRC}: the connected and start frames as its examples print them, media with track/chunk/timestamp/payload, the client media/mark frames; dtmf as {"dtmf":{"digit"}}, mark callbacks and stop carry the stream_id as every Telnyx frame does; ${IDS}; payload: μ-law of a 440 Hz tone from the caller, 660 Hz back`,
    ),
    [
      ...opening("PCMU", 8000),
      media(0, 2),
      media(1, 3),
      outText({ event: "media", media: { payload: mulawEncode(agent).toString("base64") } }, [
        { type: "audio-append", audio: b64(agent), sampleRate: 8000 },
      ]),
      outText({ event: "mark", mark: { name: "utt-1" } }, [{ type: "mark", name: "utt-1" }]),
      inText({ event: "dtmf", sequence_number: "4", stream_id: ids.streamId, dtmf: { digit: "1" } }, [{ type: "dtmf-received", digit: "1" }]),
      inText({ event: "mark", sequence_number: "5", stream_id: ids.streamId, mark: { name: "utt-1" } }, [{ type: "mark-played", name: "utt-1" }]),
      inText({ event: "stop", sequence_number: "6", stream_id: ids.streamId, stop: { user_id: ids.accountId, call_control_id: ids.callId } }, [
        { type: "session-ending", reason: "stop" },
        ended("stop"),
      ]),
    ],
  );
  write(
    "barge-in",
    header(
      "clear: Telnyx stops playback, drops its queue and sends the queued marks back",
      `${SRC}: "Clear Frame: stops the current media playback and clears queued media. Queued marks are sent back by Telnyx."; ${IDS}`,
    ),
    [
      ...opening("PCMU", 8000),
      outText({ event: "mark", mark: { name: "utt-1" } }, [{ type: "mark", name: "utt-1" }]),
      outText({ event: "clear" }, [{ type: "playback-clear" }]),
      inText({ event: "mark", sequence_number: "2", stream_id: ids.streamId, mark: { name: "utt-1" } }, [{ type: "mark-played", name: "utt-1" }]),
    ],
  );
  write(
    "tolerance",
    header(
      "what Telnyx never sends, and its error frame: reported, never a crash",
      `${SRC}: JSON text only, each frame of a stream carries its stream_id, and an error frame reports a streaming problem; docs/writing-a-dialect.md, "Rules a codec keeps"`,
    ),
    [
      inText(
        { event: "media", sequence_number: "1", stream_id: ids.streamId, media: { payload: "" } },
        [error("protocol_violation", false, false)],
        notJson("media before start: no stream is open yet"),
      ),
      ...opening("PCMU", 8000),
      inText(
        { event: "media", sequence_number: "2", stream_id: "another-stream", media: { track: "inbound", chunk: "1", timestamp: "0", payload: "" } },
        [error("protocol_violation", false, false)],
        notJson("another stream's media: not this stream's"),
      ),
      inText(
        {
          event: "error",
          sequence_number: "3",
          stream_id: ids.streamId,
          payload: { code: 100002, title: "Unknown error", detail: "stream failure" },
        },
        [error("protocol_violation", false, false)],
        notJson("the error frame's fields beyond event are not printed by the reference; voxwire reads code, title and detail"),
      ),
      inText('{"event":"med', [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inBinary([1, 2, 3], [error("protocol_violation", false, false)], notJson("Telnyx sends JSON text only: a binary frame is reported")),
    ],
  );

  // L16 at 16 kHz: the bidirectional codec and rate of Call Control's stream_bidirectional_codec
  // and stream_bidirectional_sampling_rate.
  const wide = { encoding: "pcm16", sampleRate: 16000, frameMs: 20 };
  const caller16 = tone(16000, 320, 440);
  const agent16 = tone(16000, 320, 660);
  write(
    "stream",
    {
      title: "L16 at 16 kHz both ways: big-endian RTP payloads",
      source: `${SRC}: L16 is among the client media frame's RTP codecs; Telnyx, "Start streaming" (stream_bidirectional_codec L16, stream_bidirectional_sampling_rate 16000): https://developers.telnyx.com/api-reference/call-commands/streaming-start; RFC 3551 §4.5.11: L16 samples in network byte order; ${IDS}`,
      audio: { outbound: wide, inbound: wide },
    },
    [
      ...opening("L16", 16000),
      inText(
        {
          event: "media",
          sequence_number: "2",
          stream_id: ids.streamId,
          media: { track: "inbound", chunk: "1", timestamp: "0", payload: l16(caller16).toString("base64") },
        },
        [{ type: "audio-chunk", audio: b64(caller16), sampleRate: 16000 }],
      ),
      outText({ event: "media", media: { payload: l16(agent16).toString("base64") } }, [
        { type: "audio-append", audio: b64(agent16), sampleRate: 16000 },
      ]),
    ],
    "telnyx-l16",
  );
}
