// Writes conformance/golden/<dialect>/<scenario>.jsonl: the frames the vendor documents show,
// transcribed, plus the audio frames no document can show in full (a tone at the documented
// rate and frame size, in the documented shape). It uses Node built-ins only, never voxwire
// code, so a golden cannot inherit an adapter's mistake; μ-law comes from the SoX reference
// tables in packages/core/test-vectors/g711. Run: node conformance/scripts/make-golden.mjs
// Each file's header names its source; a line taken from elsewhere names its own.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "golden");
const g711 = join(here, "..", "..", "packages", "core", "test-vectors", "g711");

// --- audio helpers -----------------------------------------------------------------------

/** `count` samples of a sine at `hz`, amplitude 8000, starting at sample `offset`. */
function tone(rate, count, hz, offset = 0) {
  const out = new Int16Array(count);
  for (let i = 0; i < count; i++) out[i] = Math.round(8000 * Math.sin((2 * Math.PI * hz * (offset + i)) / rate));
  return out;
}
function pcmBytes(samples) {
  const bytes = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) bytes.writeInt16LE(samples[i], i * 2);
  return bytes;
}
const b64 = (samples) => pcmBytes(samples).toString("base64");
const muEncodeTable = readFileSync(join(g711, "mulaw-encode.sox.bin"));
const muDecodeTable = readFileSync(join(g711, "mulaw-decode.sox.s16le"));
const mulawEncode = (samples) => Buffer.from(Array.from(samples, (s) => muEncodeTable[s + 32768]));
const mulawDecode = (codes) => Int16Array.from(codes, (c) => muDecodeTable.readInt16LE(c * 2));

// --- line helpers ------------------------------------------------------------------------

const text = (value) => (typeof value === "string" ? value : JSON.stringify(value));
const inText = (frame, events, extra = {}) => ({ dir: "in", frame: { text: text(frame) }, events, ...extra });
const outText = (frame, events, extra = {}) => ({ dir: "out", frame: { text: text(frame) }, events, ...extra });
const inBinary = (bytes, events, extra = {}) => ({ dir: "in", frame: { binary: Buffer.from(bytes).toString("base64") }, events, ...extra });
const outBinary = (bytes, events, extra = {}) => ({ dir: "out", frame: { binary: Buffer.from(bytes).toString("base64") }, events, ...extra });
const error = (code, fatal, retryable, more = {}) => ({ type: "error", code, fatal, retryable, ...more });
const ended = (reason, code) => ({ type: "session-ended", reason, ...(code === undefined ? {} : { code }) });
const notJson = (why) => ({ oneWay: why });
const TOLERANCE = "malformed input no peer would produce: the client reports it and goes on";

function write(dialect, scenario, header, lines) {
  mkdirSync(join(out, dialect), { recursive: true });
  const body = [{ golden: 1, dialect, ...header }, ...lines].map((l) => JSON.stringify(l)).join("\n");
  writeFileSync(join(out, dialect, `${scenario}.jsonl`), `${body}\n`);
}

/** A PCM16 binary frame both ways at one rate: the user's tone out, the agent's in. */
function binaryAudioLines(rate, frameSamples, frames = 2) {
  const lines = [];
  for (let i = 0; i < frames; i++) {
    const user = tone(rate, frameSamples, 440, i * frameSamples);
    lines.push(outBinary(pcmBytes(user), [{ type: "audio-append", audio: b64(user), sampleRate: rate }]));
  }
  for (let i = 0; i < frames; i++) {
    const agent = tone(rate, frameSamples, 660, i * frameSamples);
    lines.push(inBinary(pcmBytes(agent), [{ type: "audio-chunk", audio: b64(agent), sampleRate: rate }]));
  }
  return lines;
}

// --- Omni (seeds 000, 003; PROTOCOLS.md §1) ----------------------------------------------

{
  const S000 = "seed 000 (Omni browser guide)";
  const S003 = "seed 003 (Omni phone agent with Twilio)";
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
    "omni",
    "handshake",
    header(
      "connect with the key in the subprotocol; hello, then session_started",
      `${S000}, "Connect to Omni" and "Handle events": the URL, the pyai-key subprotocol, and the event names (their fields are not published)`,
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
    "omni",
    "audio-24k",
    header(
      "binary PCM16 both ways at 24 kHz in 480-sample (20 ms) frames",
      `${S000}, "Pick one sample rate" and "Capture worklet": ?format=pcm16&rate=24000, 480 samples @ 24 kHz; payload: a 440 Hz tone out, 660 Hz in (documents show no audio)`,
    ),
    [connect(24000), ...binaryAudioLines(24000, 480)],
  );
  write(
    "omni",
    "audio-16k",
    header(
      "binary PCM16 both ways at 16 kHz in 320-sample frames",
      "PROTOCOLS.md §1 (FreeSWITCH at 16 kHz; seed 003, Next steps); payload: a 440 Hz tone out, 660 Hz in",
      16000,
    ),
    [connect(16000), ...binaryAudioLines(16000, 320)],
  );
  write(
    "omni",
    "audio-8k",
    header(
      "binary PCM16 both ways at 8 kHz in 160-sample frames (the Twilio bridge)",
      `${S003}, "How it fits together" and "Codec & rate notes": ?rate=8000, ~20 ms frames; payload: a 440 Hz tone out, 660 Hz in`,
      8000,
    ),
    [connect(8000), ...binaryAudioLines(8000, 160)],
  );
  write(
    "omni",
    "barge-in",
    header("flush: drop all queued agent audio now", `${S000}, "Handle events" (case "flush") and "Barge-in, latency & quality"`),
    [...binaryAudioLines(24000, 480, 1).slice(1), inText({ type: "flush" }, [{ type: "playback-clear" }])],
  );
  write(
    "omni",
    "transcripts",
    header(
      "partial and final transcripts, and whatever else a transcript carries",
      "voxwire choice, documented in packages/omni/README.md (Transcripts; The vendor side): seed 000 says transcripts arrive as JSON text frames but does not publish their shape",
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
    "omni",
    "dtmf",
    header(
      "keypad digits both ways",
      `${S000} and ${S003} name the dtmf event and DTMF forwarding; the frame is voxwire's choice, documented in packages/omni/README.md (Sending: {"type":"dtmf","digit":"5"})`,
    ),
    [
      inText({ type: "dtmf", digit: "5" }, [{ type: "dtmf-received", digit: "5" }]),
      outText({ type: "dtmf", digit: "5" }, [{ type: "dtmf-send", digit: "5" }]),
      outText({ type: "dtmf", digit: "#", duration_ms: 120 }, [{ type: "dtmf-send", digit: "#", durationMs: 120 }]),
    ],
  );
  write(
    "omni",
    "transfer",
    header(
      "the agent escalates to a human",
      `${S000}, "Handle events" (case "transfer_to_human"); ${S003}, "Barge-in, DTMF, and transfer to a human"`,
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
    "omni",
    "ending",
    header("the server announces the end, then closes", `${S000}, "Handle events" (case "session_ending"); the close is the socket's`),
    [
      inText({ type: "session_ending" }, [{ type: "session-ending" }]),
      { dir: "in", close: { code: 1000, reason: "" }, events: [ended("closed", 1000)] },
    ],
  );
  write(
    "omni",
    "failures",
    header(
      "each documented refusal (each line stands alone)",
      `${S000} and ${S003}, Troubleshooting: 4401 bad key, 4403 missing omni:session scope, 400 invalid_agent_id, 403 origin_not_allowed, 429 concurrency_limit_exceeded; reasons and bodies are the documents' words (their exact payload is not published)`,
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
    "omni",
    "tolerance",
    header(
      "malformed and unknown frames: reported or passed through, never a crash",
      "PROTOCOLS.md (be tolerant: key on type, keep unknown fields); STYLE.md, Avoid (unguarded JSON.parse, silent drops)",
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

// --- token-first (seed 001; PROTOCOLS.md §2) ---------------------------------------------

{
  const S001 = "seed 001 (token-first voice API guide)";
  const fmt = { encoding: "pcm16", sampleRate: 16000, frameMs: 20 };
  const header = (title, source) => ({ title, source, target: { url: "https://your-api-url.com" }, audio: { outbound: fmt, inbound: fmt } });
  const TOKEN = "tf_example_token";
  const WS = "wss://your-api-url.com/api/v1/sdk/ws";
  const VALUES = "values (the token, ws_url) are examples: the document shows none";
  const bootstrap = [
    {
      dir: "out",
      request: {
        method: "POST",
        url: "https://your-api-url.com/api/v1/sdk/token",
        headers: { Authorization: "Bearer [redacted]", "Content-Type": "application/json" },
      },
    },
    { dir: "in", response: { status: 200, headers: { "content-type": "application/json" }, body: { token: TOKEN, ws_url: WS } }, note: VALUES },
    { dir: "out", connect: { url: WS } },
    outText({ token: TOKEN }, [{ type: "passthrough", name: "token", payload: { token: TOKEN } }], { plan: true }),
  ];

  write(
    "token-first",
    "handshake",
    header(
      "token from the API, the token as the first message, then connected and agent_ready",
      `${S001}, steps 1 and 2: POST {API_URL}/api/v1/sdk/token with a Bearer key, { token, ws_url }, send {"token"} on open, connected then agent_ready`,
    ),
    [
      ...bootstrap,
      inText({ type: "connected" }, [{ type: "session-started", ids: {} }]),
      inText({ type: "agent_ready" }, [{ type: "agent-state", state: "listening" }]),
    ],
  );
  const audio = [];
  for (let i = 0; i < 2; i++) {
    const user = tone(16000, 320, 440, i * 320);
    audio.push(outBinary(pcmBytes(user), [{ type: "audio-append", audio: b64(user), sampleRate: 16000 }]));
  }
  for (let i = 0; i < 2; i++) {
    const agent = tone(16000, 320, 660, i * 320);
    audio.push(inBinary(pcmBytes(agent), [{ type: "audio-chunk", audio: b64(agent), sampleRate: 16000 }]));
  }
  write(
    "token-first",
    "audio",
    header(
      "binary PCM16 16 kHz both ways in 640-byte (320-sample, 20 ms) frames",
      `${S001}, steps 3 and 4 (SAMPLE_RATE 16000, FRAME_SAMPLES 320, 640-byte frames; binary = PCM audio from the agent); payload: a 440 Hz tone out, 660 Hz in`,
    ),
    [inText({ type: "connected" }, [{ type: "session-started", ids: {} }]), ...audio],
  );
  write(
    "token-first",
    "ending",
    header(
      "session_ended with each documented reason (each line stands alone)",
      `${S001}, step 2: session_ended with msg.reason agent_disconnected | session_closed | server_shutdown`,
    ),
    [
      inText({ type: "session_ended", reason: "agent_disconnected" }, [ended("agent_disconnected")]),
      inText({ type: "session_ended", reason: "session_closed" }, [ended("session_closed")]),
      inText({ type: "session_ended", reason: "server_shutdown" }, [ended("server_shutdown")]),
      { dir: "in", close: { code: 1000, reason: "" }, events: [ended("closed", 1000)], source: "RFC 6455 clean close" },
    ],
  );
  write(
    "token-first",
    "auth-refused",
    header(
      "a refused key at the token endpoint",
      `${S001}, step 1 (the token call); the status and body are voxwire's simulator's (conformance/src/simulator/fronts/token-first-front.ts): the document shows no failure`,
    ),
    [
      bootstrap[0],
      {
        dir: "in",
        response: {
          status: 401,
          headers: { "content-type": "application/json" },
          body: { error: "invalid_api_key", message: "send Authorization: Bearer <API key>" },
        },
        events: [error("bootstrap_failed", true, false, { message: "invalid_api_key" })],
      },
    ],
  );
  write(
    "token-first",
    "token-refused",
    header(
      "a refused token: error{code,message}, then close 4401",
      `${S001}, step 2 (error with msg.code + msg.message); the codes and close codes are voxwire's choice, documented in packages/token-first/README.md (Errors; TokenFirstErrorCode, TokenFirstClose)`,
    ),
    [
      ...bootstrap,
      inText({ type: "error", code: "invalid_token", message: "the first message must be a token" }, [
        error("token_expired", true, true, { vendorCode: "invalid_token", message: "the first message must be a token" }),
      ]),
      { dir: "in", close: { code: 4401, reason: "invalid_token" }, events: [ended("token_expired", 4401)] },
    ],
  );
  write(
    "token-first",
    "audio-before-token",
    header(
      "audio before the token: error protocol_error, then close 4400",
      `${S001}, step 2 ("the first message the client sends is the token"; PROTOCOLS.md §2: audio before it is not allowed); codes are voxwire's choice (packages/token-first/README.md, Errors)`,
    ),
    [
      inText({ type: "error", code: "protocol_error", message: "audio arrived before the token" }, [
        error("protocol_violation", true, false, { vendorCode: "protocol_error", message: "audio arrived before the token" }),
      ]),
      { dir: "in", close: { code: 4400, reason: "protocol_error" }, events: [ended("protocol_violation", 4400)] },
    ],
  );
  write(
    "token-first",
    "tolerance",
    header(
      "malformed and unknown frames: reported or passed through, never a crash",
      "PROTOCOLS.md (be tolerant: key on type, keep unknown fields); STYLE.md, Avoid",
    ),
    [
      inText({ type: "pong", at: 1 }, [{ type: "passthrough", name: "pong", payload: { type: "pong", at: 1 } }]),
      inText('{"type":"conn', [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inText({ reason: "no type" }, [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inBinary([1, 2, 3], [error("invalid_audio", false, false)], notJson(TOLERANCE)),
    ],
  );
}

// --- Omnia Voice call-create (seed 002; PROTOCOLS.md §3) ---------------------------------

{
  const S002 = "seed 002 (Omnia Voice WebSocket client)";
  const header = (title, source, input = 48000, output = input) => ({
    title,
    source,
    target: { url: "https://dashboard.omnia-voice.com", agentId: "your_agent_id_here", sampleRate: input },
    audio: { outbound: { encoding: "pcm16", sampleRate: input, frameMs: 10 }, inbound: { encoding: "pcm16", sampleRate: output } },
  });
  const SOCKET = "wss://dashboard.omnia-voice.com/api/v1/calls/example/websocket";
  const create = (rate) => ({
    dir: "out",
    request: {
      method: "POST",
      url: "https://dashboard.omnia-voice.com/api/v1/calls/create",
      headers: { "X-API-Key": "[redacted]", "Content-Type": "application/json" },
      body: { agentId: "your_agent_id_here", connectionType: "websocket", websocket: { inputSampleRate: rate, outputSampleRate: rate } },
    },
  });
  const created = {
    dir: "in",
    response: { status: 201, headers: { "content-type": "application/json" }, body: { websocketUrl: SOCKET } },
    note: "the URL is an example: the document shows none",
  };

  write(
    "omnia",
    "handshake",
    header(
      "create the call, join its socket, call_started and the agent's states",
      `${S002}: create_omnia_call (POST /api/v1/calls/create, X-API-Key, the body; response.ok; websocketUrl), _handle_data_message (call_started; state idle | listening | thinking | speaking)`,
    ),
    [
      create(48000),
      created,
      { dir: "out", connect: { url: SOCKET } },
      inText({ type: "call_started" }, [{ type: "session-started", ids: {} }]),
      inText(
        { type: "call_started", callId: "3f9c2a71-5e0b-4d2c-9a1e-77b0c4d2e6f1" },
        [{ type: "session-started", ids: { callId: "3f9c2a71-5e0b-4d2c-9a1e-77b0c4d2e6f1" } }],
        {
          source: "ANCHORS.md §b.12 (Ultravox call_started{callId}, the same wire); the id is an example",
        },
      ),
      ...["idle", "listening", "thinking", "speaking"].map((state) => inText({ type: "state", state }, [{ type: "agent-state", state }])),
    ],
  );
  const audio = (input, output, outSamples, inSamples) => {
    const user = tone(input, outSamples, 440);
    const agent = tone(output, inSamples, 660);
    return [
      outBinary(pcmBytes(user), [{ type: "audio-append", audio: b64(user), sampleRate: input }]),
      inBinary(pcmBytes(agent), [{ type: "audio-chunk", audio: b64(agent), sampleRate: output }]),
    ];
  };
  write(
    "omnia",
    "audio-48k",
    header(
      "binary PCM16 both ways at the default 48 kHz; the client sends 10 ms blocks",
      `${S002}: sample_rate default 48000 both ways, blocksize = sample_rate // 100; the agent's chunks are played as they come (20 ms here); payload: a 440 Hz tone out, 660 Hz in`,
    ),
    [...audio(48000, 48000, 480, 960)],
  );
  write(
    "omnia",
    "audio-16k",
    header(
      "binary PCM16 both ways at 16 kHz (--sample-rate 16000)",
      `${S002}: --sample-rate sets inputSampleRate and outputSampleRate; 10 ms blocks; payload: a 440 Hz tone out, 660 Hz in`,
      16000,
    ),
    [create(16000), created, ...audio(16000, 16000, 160, 320)],
  );
  write(
    "omnia",
    "barge-in",
    header("playback_clear_buffer: drop the agent's queued audio", `${S002}: _handle_data_message, case "playback_clear_buffer" → drop_buffer()`),
    [
      ...audio(48000, 48000, 480, 960).slice(1),
      inText({ type: "playback_clear_buffer" }, [{ type: "playback-clear" }]),
      inText({ type: "state", state: "listening" }, [{ type: "agent-state", state: "listening" }]),
    ],
  );
  write(
    "omnia",
    "transcripts",
    header(
      "transcripts: delta appends, text replaces, final ends the turn",
      `${S002}: _handle_data_message, case "transcript" (role, text or delta, final)`,
    ),
    [
      inText({ type: "transcript", role: "agent", delta: "Hello, ", final: false }, [
        { type: "transcript-delta", role: "agent", delta: "Hello, ", text: "Hello, " },
      ]),
      inText({ type: "transcript", role: "agent", delta: "how ", final: false }, [
        { type: "transcript-delta", role: "agent", delta: "how ", text: "Hello, how " },
      ]),
      inText({ type: "transcript", role: "agent", text: "Hello, how can I help?", final: true }, [
        { type: "transcript-end", role: "agent", text: "Hello, how can I help?" },
      ]),
      inText({ type: "transcript", role: "user", text: "I need a hand", final: true }, [
        { type: "transcript-end", role: "user", text: "I need a hand" },
      ]),
      inText(
        { type: "transcript", role: "agent", text: "Sure", final: false },
        [{ type: "transcript-delta", role: "agent", delta: "Sure", text: "Sure" }],
        {
          oneWay: "a partial that restates the whole text: valid for the seed's client, but voxwire's peer streams word deltas",
        },
      ),
      inText(
        { type: "transcript", role: "agent", delta: ", I can help.", final: true },
        [{ type: "transcript-end", role: "agent", text: "Sure, I can help." }],
        {
          oneWay: "a final that carries a delta: valid for the seed's client, but voxwire's peer sends a final's whole text",
        },
      ),
    ],
  );
  write(
    "omnia",
    "errors-and-debug",
    header(
      "error and debug messages",
      `${S002}: _handle_data_message, cases "error" (msg.get('message', 'Unknown error')) and "debug" (msg['message']); the texts are examples`,
    ),
    [
      inText({ type: "error", message: "the agent could not reach its tool" }, [
        error("vendor_error", false, false, { message: "the agent could not reach its tool" }),
      ]),
      inText({ type: "debug", message: "turn 2: tool call queued" }, [{ type: "debug", message: "turn 2: tool call queued" }]),
    ],
  );
  write(
    "omnia",
    "auth-refused",
    header(
      "a refused key: non-2xx, the body text is the error",
      `${S002}: create_omnia_call raises with the status and response.text() when not response.ok (PROTOCOLS.md §3); the body text is voxwire's simulator's`,
    ),
    [
      create(48000),
      {
        dir: "in",
        response: { status: 401, body: "invalid or missing X-API-Key" },
        events: [error("bootstrap_failed", true, false, { message: "invalid or missing X-API-Key" })],
      },
    ],
  );
  write(
    "omnia",
    "call-gone",
    header(
      "a socket URL already used or expired (each line stands alone)",
      "voxwire choice, documented in packages/omnia/README.md (a socket URL refused with 404 or 410 is a retryable TokenExpiredError); the bodies are voxwire's simulator's",
    ),
    [
      { dir: "in", upgrade: { status: 410, body: '{"error":"call_already_joined"}' }, events: [error("token_expired", true, true)] },
      { dir: "in", upgrade: { status: 404, body: '{"error":"call_not_found"}' }, events: [error("token_expired", true, true)] },
    ],
  );
  write(
    "omnia",
    "ending",
    header("the call ends with the socket's close", `${S002}: ConnectionClosedOK → "Session closed normally" (PROTOCOLS.md: ending is the close)`),
    [{ dir: "in", close: { code: 1000, reason: "" }, events: [ended("closed", 1000)] }],
  );
  write(
    "omnia",
    "tolerance",
    header(
      "unknown, malformed and half-known messages: reported or passed through, never a crash",
      "ANCHORS.md §b.12 (unknown types such as Ultravox's pong must be tolerated); STYLE.md, Avoid",
    ),
    [
      inText({ type: "pong", timestamp: 1.5 }, [{ type: "passthrough", name: "pong", payload: { type: "pong", timestamp: 1.5 } }]),
      inText({ type: "state", state: "dreaming" }, [{ type: "passthrough", name: "state", payload: { type: "state", state: "dreaming" } }]),
      inText(
        { type: "transcript", role: "system", text: "x", final: true },
        [
          error("protocol_violation", false, false),
          { type: "passthrough", name: "transcript", payload: { type: "transcript", role: "system", text: "x", final: true } },
        ],
        notJson("a transcript no turn can hold: reported, then passed through"),
      ),
      inText('{"type":"state"', [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inBinary([1, 2, 3], [error("invalid_audio", false, false)], notJson(TOLERANCE)),
    ],
  );
}

// --- Orbitali (seed 004; PROTOCOLS.md §4) ------------------------------------------------

{
  const S004 = "seed 004 (Orbitali browser voice sessions)";
  const AGENT = "9dbf0d0b-2b55-45de-8c41-7a2d9b0ce8e9";
  const header = (title, source) => ({
    title,
    source,
    target: { url: "https://api.orbitali.ai", agentId: AGENT },
    audio: { outbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 20 }, inbound: { encoding: "pcm16", sampleRate: 24000 } },
    now: "2026-06-24T12:00:00.000Z",
  });
  const request = {
    dir: "out",
    request: {
      method: "POST",
      url: `https://api.orbitali.ai/public/v1/agents/${AGENT}/realtime-sessions`,
      headers: { Authorization: "Bearer [redacted]" },
    },
  };
  const response = {
    dir: "in",
    response: {
      status: 200,
      headers: { "content-type": "application/json" },
      body: {
        token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
        expiresAt: "2026-06-24T12:01:00.000Z",
        websocketUrl: `wss://agent.orbitali.ai/ws/agents/${AGENT}?token=eyJhbGciOi...`,
        protocol: { inputAudio: { encoding: "pcm16", sampleRate: 16000 }, outputAudio: { encoding: "pcm16", sampleRate: 24000 } },
      },
    },
  };

  write(
    "orbitali",
    "handshake",
    header(
      "mint a realtime session on the server, dial its websocketUrl, session.started",
      `${S004}: Step 1 (the curl request and its Response, verbatim), Step 2, and Other Server Events (session.started)`,
    ),
    [
      request,
      response,
      { dir: "out", connect: { url: "wss://agent.orbitali.ai/ws/agents/[redacted]?token=[redacted]" } },
      inText('{ "type": "session.started", "callId": "call_uuid" }', [{ type: "session-started", ids: { callId: "call_uuid" } }]),
    ],
  );
  const lines = [];
  for (let i = 0; i < 2; i++) {
    const user = tone(16000, 320, 440, i * 320);
    lines.push(outText({ type: "input_audio", audio: b64(user) }, [{ type: "audio-append", audio: b64(user), sampleRate: 16000 }]));
  }
  for (let i = 0; i < 2; i++) {
    const agent = tone(24000, 480, 660, i * 480);
    lines.push(
      inText({ type: "output_audio", audio: b64(agent), encoding: "pcm16", sampleRate: 24000 }, [
        { type: "audio-chunk", audio: b64(agent), sampleRate: 24000 },
      ]),
    );
  }
  write(
    "orbitali",
    "audio",
    header(
      "base64 PCM16 in JSON: 16 kHz in, 24 kHz out",
      `${S004}: Sending Audio and Receiving Audio (the message shapes); 20 ms chunks are voxwire's choice (packages/orbitali/README.md); payload: a 440 Hz tone out, 660 Hz in`,
    ),
    [
      ...lines,
      inText(
        '{\n  "type": "output_audio",\n  "audio": "Z3g1eHJ5...",\n  "encoding": "pcm16",\n  "sampleRate": 24000\n}',
        [error("invalid_audio", false, false)],
        {
          oneWay: "the document's example verbatim: its payload is cut short with '...', so a client reports it and goes on",
        },
      ),
    ],
  );
  write("orbitali", "barge-in", header("clear: stop playing queued audio", `${S004}: Interruption & Barge-in (the clear event, verbatim)`), [
    lines[2],
    inText('{ "type": "clear" }', [{ type: "playback-clear" }]),
  ]);
  write("orbitali", "transcripts", header("a transcript per completed turn", `${S004}: Other Server Events (transcript, verbatim)`), [
    inText('{ "type": "transcript", "role": "assistant", "text": "Hello, how can I help?" }', [
      { type: "transcript-end", role: "agent", text: "Hello, how can I help?" },
    ]),
    inText({ type: "transcript", role: "user", text: "I need a hand" }, [{ type: "transcript-end", role: "user", text: "I need a hand" }], {
      source: "voxwire choice (packages/orbitali/README.md: user → user); the document shows only the assistant's turn",
    }),
  ]);
  write("orbitali", "ending", header("stop, then the socket closes", `${S004}: stopSession() sends { type: "stop" } then closes`), [
    outText({ type: "stop" }, [{ type: "session-stop" }]),
    { dir: "in", close: { code: 1000, reason: "" }, events: [ended("closed", 1000)] },
  ]);
  write(
    "orbitali",
    "auth-refused",
    header(
      "a refused key at realtime-sessions",
      `${S004}: Step 1 (the call) and the route example passing the status on; the body is voxwire's simulator's (conformance/src/simulator/fronts/orbitali-front.ts)`,
    ),
    [
      request,
      {
        dir: "in",
        response: {
          status: 401,
          headers: { "content-type": "application/json" },
          body: { error: { code: "invalid_api_key", message: "missing or unknown API key" } },
        },
        events: [error("bootstrap_failed", true, false, { message: "invalid_api_key" })],
      },
    ],
  );
  write(
    "orbitali",
    "token-refused",
    header(
      "a token expired, already used or unknown (each line stands alone)",
      `${S004}: tokens are valid for 60 s and must be used before expiresAt; how a refusal is reported is voxwire's choice, documented in packages/orbitali/README.md (close 4401 with a reason code)`,
    ),
    [
      {
        dir: "in",
        close: { code: 4401, reason: "token_expired" },
        events: [error("token_expired", true, true, { vendorCode: "token_expired" }), ended("token_expired", 4401)],
      },
      {
        dir: "in",
        close: { code: 4401, reason: "token_already_used" },
        events: [error("token_expired", true, true, { vendorCode: "token_already_used" }), ended("token_expired", 4401)],
      },
      {
        dir: "in",
        close: { code: 4401, reason: "token_invalid" },
        events: [error("auth_failed", true, false, { vendorCode: "token_invalid" }), ended("auth_failed", 4401)],
      },
    ],
  );
  write(
    "orbitali",
    "tolerance",
    header(
      "frames outside the wire: reported or passed through, never a crash",
      "PROTOCOLS.md §4 (all messages are JSON text; the protocol block is the source of truth); STYLE.md, Avoid",
    ),
    [
      inText({ type: "ping" }, [{ type: "passthrough", name: "ping", payload: { type: "ping" } }]),
      inText({ type: "transcript", role: "system", text: "x" }, [
        { type: "passthrough", name: "transcript", payload: { type: "transcript", role: "system", text: "x" } },
      ]),
      inText(
        { type: "output_audio", audio: "AQACAA==", encoding: "pcm16", sampleRate: 12000 },
        [error("invalid_audio", false, false)],
        notJson("a rate the session did not declare: reported, not played"),
      ),
      inText(
        { type: "output_audio", audio: "@@not base64@@", encoding: "pcm16", sampleRate: 24000 },
        [error("invalid_audio", false, false)],
        notJson(TOLERANCE),
      ),
      inText(
        { type: "output_audio", audio: "AQACAA==", encoding: { toString: 0 } },
        [error("invalid_audio", false, false)],
        notJson("an encoding that is not a string (found by fuzzing: it once threw)"),
      ),
      inBinary([1, 2, 3, 4], [error("protocol_violation", false, false)], notJson("Orbitali is JSON text only: a binary frame is reported")),
    ],
  );
}

// --- Twilio Media Streams (seed 003; PROTOCOLS.md §5; ANCHORS.md §b.1) -------------------

{
  const SRC = "ANCHORS.md §b.1 (Twilio Media Streams websocket messages) and PROTOCOLS.md §5";
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
    "twilio",
    "stream",
    header(
      "a bidirectional stream: connected, start, caller media both ways, a keypress, a mark echoed, stop",
      `${SRC}; ${IDS}; payload: μ-law of a 440 Hz tone from the caller, 660 Hz back (160 bytes = 20 ms)`,
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
    "twilio",
    "barge-in",
    header(
      "clear: Twilio drops the audio it queued and echoes the pending marks",
      `${SRC} (clear "empties all buffered audio and causes any mark messages to be sent back"); ${IDS}`,
    ),
    [
      ...opening,
      outText({ event: "mark", streamSid: ids.streamSid, mark: { name: "utt-1" } }, [{ type: "mark", name: "utt-1" }]),
      outText({ event: "clear", streamSid: ids.streamSid }, [{ type: "playback-clear" }]),
      inText({ event: "mark", sequenceNumber: "2", streamSid: ids.streamSid, mark: { name: "utt-1" } }, [{ type: "mark-played", name: "utt-1" }]),
    ],
  );
  write(
    "twilio",
    "tolerance",
    header(
      "what Twilio drops or never sends: reported, never a crash",
      `${SRC} (every message carries the streamSid; JSON text only); STYLE.md, Avoid`,
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
