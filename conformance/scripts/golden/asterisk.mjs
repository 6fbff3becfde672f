// The golden files of Asterisk's chan_websocket (Asterisk documentation, "WebSocket" channel
// driver: https://docs.asterisk.org/Configuration/Channel-Drivers/WebSocket/):
// conformance/golden/asterisk/ (ulaw, JSON control) and conformance/golden/asterisk-slin16/
// (slin16, plain-text control), written by ../make-golden.mjs.
import { b64, error, inBinary, inText, mulawDecode, mulawEncode, notJson, outBinary, outText, pcmBytes, TOLERANCE, tone } from "./shared.mjs";

export const dialect = "asterisk";
export const dialects = ["asterisk", "asterisk-slin16"];

const SRC = 'Asterisk documentation, "WebSocket" (chan_websocket): https://docs.asterisk.org/Configuration/Channel-Drivers/WebSocket/';
const ids = { callId: "pbx1-123456789.999", streamId: "e226e283-c90a-4ea9-9e37-389000b9ef47", channel: "WebSocket/connectionid" };

export function build(write) {
  const ulaw = { encoding: "mulaw", sampleRate: 8000, frameMs: 20 };
  const header = (title, source) => ({ title, source, audio: { outbound: ulaw, inbound: ulaw } });
  const vars = { SOME_CHANNEL_VARIABLE: "some value", ANOTHER_CHANNEL_VARIABLE: "some other value" };
  const start = inText(
    {
      event: "MEDIA_START",
      connection_id: ids.streamId,
      channel: ids.channel,
      channel_id: ids.callId,
      format: "ulaw",
      optimal_frame_size: 160,
      ptime: 20,
      channel_variables: vars,
    },
    [
      {
        type: "session-started",
        ids,
        metadata: { tracks: ["inbound"], customParameters: vars, format: "ulaw", optimalFrameSize: 160, ptime: 20, control: "json" },
      },
    ],
  );
  const caller = mulawEncode(tone(8000, 160, 440));
  const agent = mulawDecode(mulawEncode(tone(8000, 160, 660)));
  write(
    "stream",
    header(
      "Asterisk dials us: MEDIA_START, BINARY media both ways, DTMF_END, a mark processed, flow control",
      `${SRC}: the JSON MEDIA_START example as printed, BINARY media of 160 bytes per 20 ms of ulaw, the DTMF_END, MEDIA_MARK_PROCESSED, MEDIA_XOFF and MEDIA_XON events with their parameters, the MARK_MEDIA command with a correlation_id; media payloads: a 440 Hz tone from the caller, 660 Hz back`,
    ),
    [
      start,
      inBinary(caller, [{ type: "audio-chunk", audio: b64(mulawDecode(caller)), sampleRate: 8000 }]),
      outBinary(mulawEncode(agent), [{ type: "audio-append", audio: b64(agent), sampleRate: 8000 }]),
      outText({ command: "MARK_MEDIA", correlation_id: "utt-1" }, [{ type: "mark", name: "utt-1" }]),
      inText({ event: "DTMF_END", channel_id: ids.callId, digit: "1" }, [{ type: "dtmf-received", digit: "1" }]),
      inText({ event: "MEDIA_MARK_PROCESSED", channel_id: ids.callId, correlation_id: "utt-1" }, [{ type: "mark-played", name: "utt-1" }]),
      inText({ event: "MEDIA_XOFF", channel_id: ids.callId }, [
        { type: "passthrough", name: "MEDIA_XOFF", payload: { event: "MEDIA_XOFF", channel_id: ids.callId } },
      ]),
      inText({ event: "MEDIA_XON", channel_id: ids.callId }, [
        { type: "passthrough", name: "MEDIA_XON", payload: { event: "MEDIA_XON", channel_id: ids.callId } },
      ]),
      outText({ command: "HANGUP" }, [{ type: "session-stop" }]),
    ],
  );
  write(
    "barge-in",
    header(
      "FLUSH_MEDIA: Asterisk discards the media queued and not yet sent",
      `${SRC}: "FLUSH_MEDIA … discard any queued but not sent"; the marks in the flushed queue are not reported`,
    ),
    [
      start,
      outText({ command: "MARK_MEDIA", correlation_id: "utt-1" }, [{ type: "mark", name: "utt-1" }]),
      outText({ command: "FLUSH_MEDIA" }, [{ type: "playback-clear" }]),
    ],
  );
  write(
    "tolerance",
    header(
      "what Asterisk never sends: reported, never a crash",
      `${SRC}: control is TEXT, media BINARY after MEDIA_START; docs/writing-a-dialect.md, "Rules a codec keeps"`,
    ),
    [
      inBinary(caller, [error("protocol_violation", false, false)], notJson("media before MEDIA_START")),
      start,
      inText("SOMETHING", [{ type: "passthrough", name: "SOMETHING", payload: {} }], notJson("an unknown plain-text event is passed through")),
      inText("not a control message", [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inText('{"event":', [error("protocol_violation", false, false)], notJson(TOLERANCE)),
    ],
  );

  const slin16 = { encoding: "pcm16", sampleRate: 16000, frameMs: 20 };
  const caller16 = tone(16000, 320, 440);
  const agent16 = tone(16000, 320, 660);
  write(
    "stream",
    {
      title: "slin16 with the legacy plain-text control: MEDIA_START NAME key:value, commands as words",
      source: `${SRC}: the plain-text MEDIA_START example's fields (format slin16, whose 20 ms frame is 640 bytes), the plain-text form of a command with its parameter (STOP_MEDIA_BUFFERING <id>), used for MARK_MEDIA; slin is signed linear in host (little-endian) order`,
      audio: { outbound: slin16, inbound: slin16 },
    },
    [
      inText(
        `MEDIA_START connection_id:${ids.streamId} channel:${ids.channel} channel_id:${ids.callId} format:slin16 optimal_frame_size:640 ptime:20`,
        [
          {
            type: "session-started",
            ids,
            metadata: { tracks: ["inbound"], customParameters: {}, format: "slin16", optimalFrameSize: 640, ptime: 20, control: "plain-text" },
          },
        ],
      ),
      inBinary(pcmBytes(caller16), [{ type: "audio-chunk", audio: b64(caller16), sampleRate: 16000 }]),
      outBinary(pcmBytes(agent16), [{ type: "audio-append", audio: b64(agent16), sampleRate: 16000 }]),
      outText("MARK_MEDIA utt-1", [{ type: "mark", name: "utt-1" }]),
      inText("MEDIA_MARK_PROCESSED correlation_id:utt-1", [{ type: "mark-played", name: "utt-1" }]),
      outText("FLUSH_MEDIA", [{ type: "playback-clear" }]),
    ],
    "asterisk-slin16",
  );
}
