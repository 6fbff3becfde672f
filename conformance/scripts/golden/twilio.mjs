// The golden files of Twilio Media Streams (Twilio's Media Streams message reference, docs/sources.md):
// conformance/golden/twilio/, written by ../make-golden.mjs.
import { b64, ended, error, inBinary, inText, mulawDecode, mulawEncode, notJson, outText, TOLERANCE, tone } from "./shared.mjs";

export const dialect = "twilio";

/** Calls `write(scenario, header, lines)` once per golden file of this dialect. */
export function build(write) {
  const SRC = "Twilio Media Streams messages (docs/sources.md)";
  const fmt = { encoding: "mulaw", sampleRate: 8000, frameMs: 20 };
  const header = (title, source) => ({ title, source, audio: { outbound: fmt, inbound: fmt } });
  const ids = {
    streamSid: "MZ00000000000000000000000000000001",
    callSid: "CA00000000000000000000000000000001",
    accountSid: "AC00000000000000000000000000000001",
  };
  const IDS = "the SIDs fill the document's MZ…/CA…/AC… placeholders; sequence numbers, chunks and timestamps count up as on one stream";
  const start = {
    event: "start",
    sequenceNumber: "1",
    streamSid: ids.streamSid,
    start: {
      accountSid: ids.accountSid,
      streamSid: ids.streamSid,
      callSid: ids.callSid,
      tracks: ["inbound"],
      customParameters: { k: "v" },
      mediaFormat: { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 },
    },
  };
  const opening = [
    inText({ event: "connected", protocol: "Call", version: "1.0.0" }, [{ type: "session-accepted" }]),
    inText(start, [
      {
        type: "session-started",
        ids,
        metadata: { tracks: ["inbound"], customParameters: { k: "v" }, mediaFormat: { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 } },
      },
    ]),
  ];
  const callerCodes = (i) => mulawEncode(tone(8000, 160, 440, i * 160));
  const media = (i, seq) =>
    inText(
      {
        event: "media",
        sequenceNumber: String(seq),
        streamSid: ids.streamSid,
        media: { track: "inbound", chunk: String(i + 1), timestamp: String(i * 20), payload: callerCodes(i).toString("base64") },
      },
      [{ type: "audio-chunk", audio: b64(mulawDecode(callerCodes(i))), sampleRate: 8000 }],
    );
  // μ-law is lossy: the application's audio is a tone already on the μ-law grid, so the peer's
  // decode of the frame gives back exactly the samples the application sent.
  const agent = mulawDecode(mulawEncode(tone(8000, 160, 660)));
  write(
    "stream",
    header(
      "a bidirectional stream: connected, start, caller media both ways, a keypress, a mark echoed, stop",
      `${SRC}; ${IDS}; payload: μ-law of a 440 Hz tone from the caller, 660 Hz back (160 bytes = 20 ms, as the Omni phone-bridge guide's "Codec & rate notes" say)`,
    ),
    [
      ...opening,
      media(0, 2),
      media(1, 3),
      outText({ event: "media", streamSid: ids.streamSid, media: { payload: mulawEncode(agent).toString("base64") } }, [
        { type: "audio-append", audio: b64(agent), sampleRate: 8000 },
      ]),
      outText({ event: "mark", streamSid: ids.streamSid, mark: { name: "utt-1" } }, [{ type: "mark", name: "utt-1" }]),
      inText({ event: "dtmf", sequenceNumber: "4", streamSid: ids.streamSid, dtmf: { track: "inbound_track", digit: "1" } }, [
        { type: "dtmf-received", digit: "1" },
      ]),
      inText({ event: "mark", sequenceNumber: "5", streamSid: ids.streamSid, mark: { name: "utt-1" } }, [{ type: "mark-played", name: "utt-1" }]),
      inText({ event: "stop", sequenceNumber: "6", streamSid: ids.streamSid, stop: { accountSid: ids.accountSid, callSid: ids.callSid } }, [
        { type: "session-ending", reason: "stop" },
        ended("stop"),
      ]),
    ],
  );
  write(
    "barge-in",
    header(
      "clear: Twilio drops the audio it queued and echoes the pending marks",
      `${SRC}: on clear, Twilio drops the outbound audio it holds and sends back every mark still pending; ${IDS}`,
    ),
    [
      ...opening,
      outText({ event: "mark", streamSid: ids.streamSid, mark: { name: "utt-1" } }, [{ type: "mark", name: "utt-1" }]),
      outText({ event: "clear", streamSid: ids.streamSid }, [{ type: "playback-clear" }]),
      inText({ event: "mark", sequenceNumber: "2", streamSid: ids.streamSid, mark: { name: "utt-1" } }, [{ type: "mark-played", name: "utt-1" }]),
    ],
  );
  write(
    "tolerance",
    header(
      "what Twilio drops or never sends: reported, never a crash",
      `${SRC}: JSON text only, and each message after connected carries the streamSid; docs/writing-a-dialect.md, "Rules a codec keeps"`,
    ),
    [
      inText(
        { event: "media", sequenceNumber: "1", streamSid: ids.streamSid, media: { payload: "" } },
        [error("protocol_violation", false, false)],
        notJson("media before start: no stream is open yet"),
      ),
      ...opening,
      inText(
        { event: "media", sequenceNumber: "2", streamSid: "MZ-another-stream", media: { track: "inbound", chunk: "1", timestamp: "0", payload: "" } },
        [error("protocol_violation", false, false)],
        notJson("another stream's media: not this stream's"),
      ),
      inText({ event: "something_new", sequenceNumber: "3", streamSid: ids.streamSid }, [
        { type: "passthrough", name: "something_new", payload: { event: "something_new", sequenceNumber: "3", streamSid: ids.streamSid } },
      ]),
      inText('{"event":"med', [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inBinary([1, 2, 3], [error("protocol_violation", false, false)], notJson("Twilio sends JSON text only: a binary frame is reported")),
    ],
  );
}
