// The golden files of Omnia Voice call-create (the Omnia Voice guide, docs/sources.md): conformance/golden/omnia/,
// written by ../make-golden.mjs.
import { b64, ended, error, inBinary, inText, notJson, outBinary, pcmBytes, TOLERANCE, tone } from "./shared.mjs";

export const dialect = "omnia";

/** Calls `write(scenario, header, lines)` once per golden file of this dialect. */
export function build(write) {
  const GUIDE = "Omnia Voice guide, its Python client (docs/sources.md)";
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
    "handshake",
    header(
      "create the call, join its socket, call_started and the agent's states",
      `${GUIDE}: create_omnia_call (POST /api/v1/calls/create, X-API-Key, the body; response.ok; websocketUrl), _handle_data_message (call_started; state idle | listening | thinking | speaking)`,
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
          source: 'Ultravox data messages, "CallStarted" (docs/sources.md): on the same wire call_started carries a callId; the id is an example',
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
    "audio-48k",
    header(
      "binary PCM16 both ways at the default 48 kHz; the client sends 10 ms blocks",
      `${GUIDE}: sample_rate default 48000 both ways, blocksize = sample_rate // 100; the agent's chunks are played as they come (20 ms here); payload: a 440 Hz tone out, 660 Hz in`,
    ),
    [...audio(48000, 48000, 480, 960)],
  );
  write(
    "audio-16k",
    header(
      "binary PCM16 both ways at 16 kHz (--sample-rate 16000)",
      `${GUIDE}: --sample-rate sets inputSampleRate and outputSampleRate; 10 ms blocks; payload: a 440 Hz tone out, 660 Hz in`,
      16000,
    ),
    [create(16000), created, ...audio(16000, 16000, 160, 320)],
  );
  write(
    "barge-in",
    header("playback_clear_buffer: drop the agent's queued audio", `${GUIDE}: _handle_data_message, case "playback_clear_buffer" → drop_buffer()`),
    [
      ...audio(48000, 48000, 480, 960).slice(1),
      inText({ type: "playback_clear_buffer" }, [{ type: "playback-clear" }]),
      inText({ type: "state", state: "listening" }, [{ type: "agent-state", state: "listening" }]),
    ],
  );
  write(
    "transcripts",
    header(
      "transcripts: delta appends, text replaces, final ends the turn",
      `${GUIDE}: _handle_data_message, case "transcript" (role, text or delta, final)`,
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
          oneWay: "a partial that restates the whole text: valid for the guide's client, but voxwire's peer streams word deltas",
        },
      ),
      inText(
        { type: "transcript", role: "agent", delta: ", I can help.", final: true },
        [{ type: "transcript-end", role: "agent", text: "Sure, I can help." }],
        {
          oneWay: "a final that carries a delta: valid for the guide's client, but voxwire's peer sends a final's whole text",
        },
      ),
    ],
  );
  write(
    "errors-and-debug",
    header(
      "error and debug messages",
      `${GUIDE}: _handle_data_message, cases "error" (msg.get('message', 'Unknown error')) and "debug" (msg['message']); the texts are examples`,
    ),
    [
      inText({ type: "error", message: "the agent could not reach its tool" }, [
        error("vendor_error", false, false, { message: "the agent could not reach its tool" }),
      ]),
      inText({ type: "debug", message: "turn 2: tool call queued" }, [{ type: "debug", message: "turn 2: tool call queued" }]),
    ],
  );
  write(
    "auth-refused",
    header(
      "a refused key: non-2xx, the body text is the error",
      `${GUIDE}: create_omnia_call raises with the status and response.text() when not response.ok; the body text is voxwire's simulator's`,
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
    "ending",
    header(
      "the call ends with the socket's close",
      `${GUIDE}: ConnectionClosedOK → "Session closed normally" (no message ends a call: the close does)`,
    ),
    [{ dir: "in", close: { code: 1000, reason: "" }, events: [ended("closed", 1000)] }],
  );
  write(
    "tolerance",
    header(
      "unknown, malformed and half-known messages: reported or passed through, never a crash",
      'Ultravox data messages (docs/sources.md): the same wire has types Omnia does not document, such as pong; docs/writing-a-dialect.md, "Rules a codec keeps": what a codec does not know is passed through',
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
