// The golden files of the Ultravox preset of the call-create dialect (Ultravox's serverWebSocket):
// conformance/golden/ultravox/, written by ../make-golden.mjs.
import { b64, ended, error, inBinary, inText, notJson, outBinary, outText, pcmBytes, TOLERANCE, tone } from "./shared.mjs";

export const dialect = "ultravox";

/** Calls `write(scenario, header, lines)` once per golden file of this dialect. */
export function build(write) {
  const MESSAGES = 'Ultravox docs, "Protocol & Data Messages" (https://docs.ultravox.ai/apps/datamessages)';
  const SOCKETS = 'Ultravox docs, "WebSocket Integration" (https://docs.ultravox.ai/apps/websockets)';
  const AGENT = "5b5a3b0e-1111-4222-8333-944445555666";
  const header = (title, source, rate = 16000) => ({
    title,
    source,
    target: { url: "https://api.ultravox.ai", agentId: AGENT, sampleRate: rate },
    audio: { outbound: { encoding: "pcm16", sampleRate: rate, frameMs: 20 }, inbound: { encoding: "pcm16", sampleRate: rate } },
  });
  const JOIN = "wss://voice.example/calls/3f9c2a71-5e0b-4d2c-9a1e-77b0c4d2e6f1/server_web_socket";

  write(
    "handshake",
    header(
      "create an agent call with a serverWebSocket medium, join its joinUrl, call_started and the states",
      `${SOCKETS}: POST /api/agents/{agentId}/calls with X-API-Key, medium.serverWebSocket { inputSampleRate, outputSampleRate }, 201 with joinUrl; ${MESSAGES}: CallStarted (callId), State (idle | listening | thinking | speaking); the ids and the URL are examples`,
    ),
    [
      {
        dir: "out",
        request: {
          method: "POST",
          url: `https://api.ultravox.ai/api/agents/${AGENT}/calls`,
          headers: { "X-API-Key": "[redacted]", "Content-Type": "application/json" },
          body: { medium: { serverWebSocket: { inputSampleRate: 16000, outputSampleRate: 16000 } } },
        },
      },
      {
        dir: "in",
        response: {
          status: 201,
          headers: { "content-type": "application/json" },
          body: { callId: "3f9c2a71-5e0b-4d2c-9a1e-77b0c4d2e6f1", joinUrl: JOIN },
        },
        note: "the answer carries more fields; the URL is an example: the documents show none",
      },
      {
        dir: "out",
        connect: { url: "wss://voice.example/calls/[redacted]/server_web_socket" },
        note: "the call id in the path is a credential: redacted",
      },
      inText({ type: "call_started", callId: "3f9c2a71-5e0b-4d2c-9a1e-77b0c4d2e6f1" }, [
        { type: "session-started", ids: { callId: "3f9c2a71-5e0b-4d2c-9a1e-77b0c4d2e6f1" } },
      ]),
      ...["idle", "listening", "thinking", "speaking"].map((state) => inText({ type: "state", state }, [{ type: "agent-state", state }])),
    ],
  );

  const user = tone(16000, 320, 440);
  const agent = tone(16000, 320, 660);
  write(
    "audio",
    header(
      "binary s16le PCM both ways at the created rates, 20 ms frames; playback_clear_buffer drops the queued audio",
      `${SOCKETS}: audio is raw s16le at inputSampleRate up and outputSampleRate down; ${MESSAGES}: PlaybackClearBuffer; payload: a 440 Hz tone out, 660 Hz in`,
    ),
    [
      outBinary(pcmBytes(user), [{ type: "audio-append", audio: b64(user), sampleRate: 16000 }]),
      inBinary(pcmBytes(agent), [{ type: "audio-chunk", audio: b64(agent), sampleRate: 16000 }]),
      inText({ type: "playback_clear_buffer" }, [{ type: "playback-clear" }]),
    ],
  );

  write(
    "transcripts",
    header(
      "transcripts with medium and ordinal: delta appends, text replaces, final ends the utterance",
      `${MESSAGES}: Transcript (role, medium, text or delta, final, ordinal); the texts are examples`,
    ),
    [
      inText({ type: "transcript", role: "agent", medium: "voice", ordinal: 0, delta: "Hello ", final: false }, [
        { type: "transcript-delta", role: "agent", delta: "Hello ", text: "Hello " },
      ]),
      inText({ type: "transcript", role: "agent", medium: "voice", ordinal: 0, delta: "there.", final: false }, [
        { type: "transcript-delta", role: "agent", delta: "there.", text: "Hello there." },
      ]),
      inText({ type: "transcript", role: "agent", medium: "voice", ordinal: 0, text: "Hello there.", final: true }, [
        { type: "transcript-end", role: "agent", text: "Hello there." },
      ]),
      inText({ type: "transcript", role: "user", medium: "voice", ordinal: 1, text: "What is the weather?", final: true }, [
        { type: "transcript-end", role: "user", text: "What is the weather?" },
      ]),
      inText(
        { type: "transcript", role: "agent", medium: "voice", text: "Full transcript so far", delta: null, final: false, ordinal: 1 },
        [{ type: "transcript-delta", role: "agent", delta: "Full transcript so far", text: "Full transcript so far" }],
        notJson("the documents' own example, with delta: null: voxwire's peer streams word deltas instead"),
      ),
    ],
  );

  write(
    "tool-call",
    header(
      "a client tool invocation and its result, and a failed tool's error result",
      `${MESSAGES}: ClientToolInvocation (toolName, invocationId, parameters as an object), ClientToolResult (invocationId, result: "often a JSON string", responseType default "tool-response"; errorType "implementation-error" and errorMessage when the tool failed, result omitted); the ids and values are examples`,
    ),
    [
      inText({ type: "client_tool_invocation", toolName: "get_weather", invocationId: "inv-1", parameters: { location: "Seattle" } }, [
        { type: "tool-call", callId: "inv-1", name: "get_weather", arguments: { location: "Seattle" } },
      ]),
      outText({ type: "client_tool_result", invocationId: "inv-1", result: '{"celsius":12}', responseType: "tool-response" }, [
        { type: "tool-result", callId: "inv-1", output: '{"celsius":12}', isError: false },
      ]),
      inText({ type: "client_tool_invocation", toolName: "get_weather", invocationId: "inv-2", parameters: { location: "Paris" } }, [
        { type: "tool-call", callId: "inv-2", name: "get_weather", arguments: { location: "Paris" } },
      ]),
      outText(
        {
          type: "client_tool_result",
          invocationId: "inv-2",
          responseType: "tool-response",
          errorType: "implementation-error",
          errorMessage: "the weather service is down",
        },
        [{ type: "tool-result", callId: "inv-2", output: "the weather service is down", isError: true }],
      ),
    ],
  );

  write(
    "text-in",
    header("typed user text", `${MESSAGES}: UserTextMessage (text; urgency optional, default "soon", so not sent); the text is an example`),
    [outText({ type: "user_text_message", text: "What is the weather in Paris?" }, [{ type: "text-send", text: "What is the weather in Paris?" }])],
  );

  write(
    "ending",
    header(
      "the client hangs up, then the socket closes",
      `${MESSAGES}: HangUp (message optional, default ""); voxwire sends it on session-stop and then closes the socket, documented in packages/omnia/README.md`,
    ),
    [outText({ type: "hang_up" }, [{ type: "session-stop" }]), { dir: "in", close: { code: 1000, reason: "" }, events: [ended("closed", 1000)] }],
  );

  write(
    "tolerance",
    header(
      "pong and unknown messages pass through; an invocation that cannot be answered is reported",
      `${MESSAGES}: Pong (timestamp echoed from a ping; voxwire sends no ping); docs/writing-a-dialect.md, "Rules a codec keeps": what a codec does not know is passed through`,
    ),
    [
      inText({ type: "pong", timestamp: 1234567890.123 }, [
        { type: "passthrough", name: "pong", payload: { type: "pong", timestamp: 1234567890.123 } },
      ]),
      inText({ type: "call_event", severity: "info" }, [
        { type: "passthrough", name: "call_event", payload: { type: "call_event", severity: "info" } },
      ]),
      inText(
        { type: "client_tool_invocation", toolName: "get_weather", parameters: {} },
        [
          error("protocol_violation", false, false),
          {
            type: "passthrough",
            name: "client_tool_invocation",
            payload: { type: "client_tool_invocation", toolName: "get_weather", parameters: {} },
          },
        ],
        notJson("an invocation without its invocationId: nothing to answer, reported and passed through"),
      ),
      inText('{"type":"client_tool_invocation"', [error("protocol_violation", false, false)], notJson(TOLERANCE)),
    ],
  );
}
