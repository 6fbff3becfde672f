// The golden files of Omni (the Omni browser and phone-bridge guides, docs/sources.md): conformance/golden/omni/,
// written by ../make-golden.mjs.
import { binaryAudioLines, ended, error, inBinary, inText, notJson, outText, TOLERANCE } from "./shared.mjs";

export const dialect = "omni";

/** Calls `write(scenario, header, lines)` once per golden file of this dialect. */
export function build(write) {
  const BROWSER = "Omni browser guide";
  const PHONE = "Omni phone-bridge guide";
  const fmt = (rate) => ({ encoding: "pcm16", sampleRate: rate, frameMs: 20 });
  const header = (title, source, rate = 24000) => ({
    title,
    source,
    target: { url: "wss://api.pyai.com", agentId: "agent_123", sampleRate: rate },
    audio: { outbound: fmt(rate), inbound: fmt(rate) },
  });
  const connect = (rate) => ({
    dir: "out",
    connect: { url: `wss://api.pyai.com/v1/omni?agent_id=agent_123&format=pcm16&rate=${rate}`, protocols: ["pyai-key.[redacted]"] },
  });

  write(
    "handshake",
    header(
      "connect with the key in the subprotocol; hello, then session_started",
      `${BROWSER}, "Connect to Omni" and "Handle events" (docs/sources.md): the URL, the pyai-key subprotocol, and the event names (their fields are not published)`,
    ),
    [
      connect(24000),
      inText({ type: "hello" }, [{ type: "session-accepted" }]),
      inText({ type: "session_started" }, [{ type: "session-started", ids: {} }]),
      inText({ type: "session_started", session_id: "sess_42" }, [{ type: "session-started", ids: { session_id: "sess_42" } }], {
        source: "voxwire choice (packages/omni/README.md, Events): id-named string fields of session_started go to ids",
      }),
    ],
  );
  write(
    "audio-24k",
    header(
      "binary PCM16 both ways at 24 kHz in 480-sample (20 ms) frames",
      `${BROWSER}, "Pick one sample rate" and "Capture worklet" (docs/sources.md): ?format=pcm16&rate=24000, 480 samples @ 24 kHz; payload: a 440 Hz tone out, 660 Hz in (documents show no audio)`,
    ),
    [connect(24000), ...binaryAudioLines(24000, 480)],
  );
  write(
    "audio-16k",
    header(
      "binary PCM16 both ways at 16 kHz in 320-sample frames",
      `${PHONE}, "Next steps" (docs/sources.md): its FreeSWITCH integration runs Omni at 16 kHz; 20 ms frames as at the other rates; payload: a 440 Hz tone out, 660 Hz in`,
      16000,
    ),
    [connect(16000), ...binaryAudioLines(16000, 320)],
  );
  write(
    "audio-8k",
    header(
      "binary PCM16 both ways at 8 kHz in 160-sample frames (the Twilio bridge)",
      `${PHONE}, "How it fits together" and "Codec & rate notes" (docs/sources.md): ?rate=8000, ~20 ms frames; payload: a 440 Hz tone out, 660 Hz in`,
      8000,
    ),
    [connect(8000), ...binaryAudioLines(8000, 160)],
  );
  write(
    "barge-in",
    header(
      "flush: drop all queued agent audio now",
      `${BROWSER}, "Handle events" (case "flush") and "Barge-in, latency & quality" (docs/sources.md)`,
    ),
    [...binaryAudioLines(24000, 480, 1).slice(1), inText({ type: "flush" }, [{ type: "playback-clear" }])],
  );
  write(
    "transcripts",
    header(
      "partial and final transcripts, and whatever else a transcript carries",
      `voxwire choice, documented in packages/omni/README.md (Transcripts; The vendor side): the ${BROWSER} (docs/sources.md) says transcripts arrive as JSON text frames but does not publish their shape`,
    ),
    [
      inText({ type: "transcript_partial", role: "agent", text: "Hello,", delta: "Hello," }, [
        { type: "transcript-delta", role: "agent", delta: "Hello,", text: "Hello," },
        { type: "passthrough", name: "transcript_partial", payload: { type: "transcript_partial", role: "agent", text: "Hello,", delta: "Hello," } },
      ]),
      inText({ type: "transcript_partial", role: "agent", text: "Hello, how can I help?", delta: " how can I help?" }, [
        { type: "transcript-delta", role: "agent", delta: " how can I help?", text: "Hello, how can I help?" },
        {
          type: "passthrough",
          name: "transcript_partial",
          payload: { type: "transcript_partial", role: "agent", text: "Hello, how can I help?", delta: " how can I help?" },
        },
      ]),
      inText({ type: "transcript", role: "agent", text: "Hello, how can I help?", final: true }, [
        { type: "transcript-end", role: "agent", text: "Hello, how can I help?" },
        { type: "passthrough", name: "transcript", payload: { type: "transcript", role: "agent", text: "Hello, how can I help?", final: true } },
      ]),
      inText({ type: "transcript", role: "user", text: "I need a hand", final: true }, [
        { type: "transcript-end", role: "user", text: "I need a hand" },
        { type: "passthrough", name: "transcript", payload: { type: "transcript", role: "user", text: "I need a hand", final: true } },
      ]),
      inText(
        { type: "user_transcript_interim", transcript: "can you" },
        [
          { type: "transcript-delta", role: "user", delta: "can you", text: "can you" },
          { type: "passthrough", name: "user_transcript_interim", payload: { type: "user_transcript_interim", transcript: "can you" } },
        ],
        {
          oneWay:
            "another vendor's shape, read tolerantly (README: type names user and interim, text in transcript); voxwire's peer sends transcript_partial",
        },
      ),
    ],
  );
  write(
    "dtmf",
    header(
      "keypad digits both ways",
      `${BROWSER} and ${PHONE} (docs/sources.md) name the dtmf event and DTMF forwarding; the frame is voxwire's choice, documented in packages/omni/README.md (Sending: {"type":"dtmf","digit":"5"})`,
    ),
    [
      inText({ type: "dtmf", digit: "5" }, [{ type: "dtmf-received", digit: "5" }]),
      outText({ type: "dtmf", digit: "5" }, [{ type: "dtmf-send", digit: "5" }]),
      outText({ type: "dtmf", digit: "#", duration_ms: 120 }, [{ type: "dtmf-send", digit: "#", durationMs: 120 }]),
    ],
  );
  write(
    "transfer",
    header(
      "the agent escalates to a human",
      `${BROWSER}, "Handle events" (case "transfer_to_human"); ${PHONE}, "Barge-in, DTMF, and transfer to a human" (docs/sources.md)`,
    ),
    [
      inText({ type: "transfer_to_human" }, [{ type: "transfer-requested" }]),
      inText(
        { type: "transfer_to_human", reason: "caller asked for a person" },
        [{ type: "transfer-requested", reason: "caller asked for a person" }],
        {
          source: "voxwire choice (packages/omni/README.md, Events: reason and target fields)",
        },
      ),
    ],
  );
  write(
    "ending",
    header(
      "the server announces the end, then closes",
      `${BROWSER}, "Handle events" (case "session_ending") (docs/sources.md); the close is the socket's`,
    ),
    [
      inText({ type: "session_ending" }, [{ type: "session-ending" }]),
      { dir: "in", close: { code: 1000, reason: "" }, events: [ended("closed", 1000)] },
    ],
  );
  write(
    "failures",
    header(
      "each documented refusal (each line stands alone)",
      `${BROWSER} and ${PHONE}, "Troubleshooting" (docs/sources.md): 4401 bad key, 4403 missing omni:session scope, 400 invalid_agent_id, 403 origin_not_allowed, 429 concurrency_limit_exceeded; reasons and bodies are the documents' words (their exact payload is not published)`,
    ),
    [
      { dir: "in", close: { code: 4401, reason: "" }, events: [error("auth_failed", true, false), ended("auth_failed", 4401)] },
      { dir: "in", close: { code: 4403, reason: "" }, events: [error("missing_scope", true, false), ended("missing_scope", 4403)] },
      {
        dir: "in",
        close: { code: 4403, reason: "origin_not_allowed" },
        events: [error("auth_failed", true, false, { vendorCode: "origin_not_allowed" }), ended("auth_failed", 4403)],
      },
      {
        dir: "in",
        upgrade: { status: 400, body: "invalid_agent_id" },
        events: [error("invalid_request", true, false, { vendorCode: "invalid_agent_id" })],
      },
      {
        dir: "in",
        upgrade: { status: 403, body: "origin_not_allowed" },
        events: [error("auth_failed", true, false, { vendorCode: "origin_not_allowed" })],
      },
      {
        dir: "in",
        upgrade: { status: 429, body: "concurrency_limit_exceeded" },
        events: [error("concurrency_limit", true, true, { vendorCode: "concurrency_limit_exceeded" })],
      },
    ],
  );
  write(
    "tolerance",
    header(
      "malformed and unknown frames: reported or passed through, never a crash",
      `${BROWSER}, "How it fits together" (docs/sources.md): event payloads are defined elsewhere, so key on type and keep the rest; docs/writing-a-dialect.md, "Rules a codec keeps" (decode never throws; what it does not know is passed through, never dropped)`,
    ),
    [
      inText({ type: "something_new", detail: { a: 1 } }, [
        { type: "passthrough", name: "something_new", payload: { type: "something_new", detail: { a: 1 } } },
      ]),
      inText('{"type":"hel', [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inText("[1,2,3]", [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inText({ no_type: true }, [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inBinary([1, 2, 3], [error("invalid_audio", false, false)], notJson(TOLERANCE)),
    ],
  );
}
