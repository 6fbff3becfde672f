// The golden files of ElevenLabs Agents (Conversational AI WebSocket): conformance/golden/elevenlabs/,
// written by ../make-golden.mjs. Message names and fields are transcribed from the AsyncAPI
// description in elevenlabs/packages, packages/types/schemas/agent.asyncapi.yaml (published as
// the `@elevenlabs/types` npm package, generated/types/asyncapi-types.ts; each file names the
// payloads it uses); the URL, the `convai` subprotocol and the order of the opening from the
// official client, packages/client/src/utils/WebSocketConnection.ts (`@elevenlabs/client` 1.25.0).
// The description gives types, not sample values: ids, event ids and texts are filled in the
// documented shape, and each file says so.
import { b64, ended, error, inText, mulawDecode, mulawEncode, notJson, outText, TOLERANCE, tone } from "./shared.mjs";

export const dialect = "elevenlabs";

const ASYNCAPI = "elevenlabs/packages, packages/types/schemas/agent.asyncapi.yaml";
const CLIENT = "elevenlabs/packages, packages/client/src/utils/WebSocketConnection.ts";
const VALUES = "ids, event ids and texts are filled in the documented shape (the description gives types, not values)";
const ORIGIN = "wss://api.elevenlabs.io";
const AGENT = "agent_golden";

const PCM = { encoding: "pcm16", sampleRate: 16000, frameMs: 20 };
const ULAW = { encoding: "mulaw", sampleRate: 8000, frameMs: 20 };

const metadataFrame = (format, input = format) => ({
  type: "conversation_initiation_metadata",
  conversation_initiation_metadata_event: {
    conversation_id: "conv_0123456789abcdef",
    agent_output_audio_format: format,
    user_input_audio_format: input,
  },
});
const started = (format, input = format) => ({
  type: "session-started",
  ids: { conversation_id: "conv_0123456789abcdef" },
  metadata: { agent_output_audio_format: format, user_input_audio_format: input },
});
const audioFrame = (samplesB64, eventId) => ({ type: "audio", audio_event: { audio_base_64: samplesB64, event_id: eventId } });

/** Calls `write(scenario, header, lines)` once per golden file of this dialect. */
export function build(write) {
  const header = (title, source, audio = PCM, target = {}) => ({
    title,
    source,
    target: { url: ORIGIN, agentId: AGENT, ...target },
    audio: { outbound: audio, inbound: audio },
  });
  const initiation = { type: "conversation_initiation_client_data" };
  const open = outText(initiation, [{ type: "session-update", agent: {} }], { plan: true });

  // --- handshake ---------------------------------------------------------------------------
  const signed = `${ORIGIN}/v1/convai/conversation?agent_id=${AGENT}&conversation_signature=cvtkn_0123456789abcdefghij`;
  write(
    "handshake",
    header("a private agent: the signed URL from get-signed-url, subprotocol convai, the initiation first, then the metadata", [
      "ElevenLabs API reference, Get signed URL (GET /v1/convai/conversation/get-signed-url?agent_id=…, header xi-api-key; the answer is the OpenAPI ConversationSignedUrlResponseModel { signed_url })",
      `${CLIENT}: the signed URL dialed as is with subprotocol convai, conversation_initiation_client_data sent on open, the first message must be conversation_initiation_metadata`,
      `${ASYNCAPI}: ConversationInitiationPayload (only type required), ConversationMetadataData (conversation_id, agent_output_audio_format, user_input_audio_format); ${VALUES}`,
    ]),
    [
      {
        dir: "out",
        request: {
          method: "GET",
          url: `https://api.elevenlabs.io/v1/convai/conversation/get-signed-url?agent_id=${AGENT}`,
          headers: { "xi-api-key": "[redacted]" },
        },
      },
      { dir: "in", response: { status: 200, headers: { "content-type": "application/json" }, body: { signed_url: signed } } },
      {
        dir: "out",
        connect: { url: `${ORIGIN}/v1/convai/conversation?agent_id=${AGENT}&conversation_signature=[redacted]`, protocols: ["convai"] },
      },
      open,
      inText(metadataFrame("pcm_16000"), [started("pcm_16000")]),
    ],
  );

  write(
    "signed-url-refused",
    header(
      "a refused xi-api-key at the signed-URL call",
      `ElevenLabs API reference, Get signed URL: a refused key is HTTP 401; the body's { detail: { status, message } } shape is the REST API's error object, its values voxwire's`,
    ),
    [
      {
        dir: "out",
        request: {
          method: "GET",
          url: `https://api.elevenlabs.io/v1/convai/conversation/get-signed-url?agent_id=${AGENT}`,
          headers: { "xi-api-key": "[redacted]" },
        },
      },
      {
        dir: "in",
        response: { status: 401, body: { detail: { status: "invalid_api_key", message: "Invalid API key" } } },
        events: [error("bootstrap_failed", true, false)],
      },
    ],
  );

  // --- audio -------------------------------------------------------------------------------
  const pcmLines = [];
  for (let i = 0; i < 2; i++) {
    const user = tone(16000, 320, 440, i * 320);
    pcmLines.push(outText({ user_audio_chunk: b64(user) }, [{ type: "audio-append", audio: b64(user), sampleRate: 16000 }]));
  }
  for (let i = 0; i < 2; i++) {
    const agent = tone(16000, 320, 660, i * 320);
    pcmLines.push(inText(audioFrame(b64(agent), 2), [{ type: "audio-chunk", audio: b64(agent), sampleRate: 16000, turnId: "2" }]));
  }
  write(
    "audio",
    header(
      "pcm_16000 both ways: user_audio_chunk (no type) out, audio with its event_id in",
      `${ASYNCAPI}: UserAudioPayload ("no type field for performance"), AudioPayload and AudioEventData (audio_base_64, event_id), AudioFormat pcm_16000; the event_id names the agent turn (turnId); 20 ms chunks are voxwire's choice (packages/elevenlabs/README.md); payload: a 440 Hz tone out, 660 Hz in; ${VALUES}`,
    ),
    [inText(metadataFrame("pcm_16000"), [started("pcm_16000")]), ...pcmLines],
  );

  const muLines = [];
  for (let i = 0; i < 2; i++) {
    const codes = mulawEncode(tone(8000, 160, 440, i * 160));
    muLines.push(
      outText({ user_audio_chunk: codes.toString("base64") }, [{ type: "audio-append", audio: b64(mulawDecode(codes)), sampleRate: 8000 }]),
    );
  }
  for (let i = 0; i < 2; i++) {
    const codes = mulawEncode(tone(8000, 160, 660, i * 160));
    muLines.push(
      inText(audioFrame(codes.toString("base64"), 2), [{ type: "audio-chunk", audio: b64(mulawDecode(codes)), sampleRate: 8000, turnId: "2" }]),
    );
  }
  write(
    "audio-ulaw",
    header(
      "ulaw_8000 both ways (an agent set up for telephony)",
      `${ASYNCAPI}: AudioFormat and UserInputAudioFormat ulaw_8000, UserAudioPayload ("Base64 encoded PCM or μ-law audio chunk"), AudioEventData; the events hold the μ-law codes decoded to PCM16 (SoX tables, packages/core/test-vectors/g711); payload: a 440 Hz tone out, 660 Hz in; ${VALUES}`,
      ULAW,
      { sampleRate: 8000 },
    ),
    [inText(metadataFrame("ulaw_8000"), [started("ulaw_8000")]), ...muLines],
  );

  // --- barge-in ----------------------------------------------------------------------------
  const cut = tone(16000, 320, 660);
  const next = tone(16000, 320, 550);
  write(
    "barge-in",
    header("an interruption clears playback; late audio of the cut turn (an older event_id) is dropped, the new turn's plays", [
      `${ASYNCAPI}: InterruptionPayload and InterruptionData (event_id), AudioEventData`,
      "the official clients' rule, which the dialect keeps: audio plays only when the last interruption's event_id <= its own (elevenlabs/packages packages/client/src/VoiceConversation.ts handleAudio; elevenlabs/elevenlabs-python tests: audio with the interruption's id is kept, older audio discarded)",
      VALUES,
    ]),
    [
      inText(audioFrame(b64(cut), 5), [{ type: "audio-chunk", audio: b64(cut), sampleRate: 16000, turnId: "5" }]),
      inText({ type: "interruption", interruption_event: { event_id: 7 } }, [{ type: "playback-clear", turnId: "5" }]),
      inText(
        audioFrame(b64(cut), 5),
        [{ type: "debug", message: "dropped agent audio of event 5: generated before interruption 7 (1 chunk dropped so far)" }],
        {
          oneWay: "the client drops what the peer sent late; no event makes a peer send it",
        },
      ),
      inText(audioFrame(b64(next), 7), [{ type: "audio-chunk", audio: b64(next), sampleRate: 16000, turnId: "7" }]),
    ],
  );

  // --- pings -------------------------------------------------------------------------------
  write(
    "ping",
    header(
      "a ping is answered at once with a pong carrying its event_id; the application sees neither",
      `${ASYNCAPI}: PingPayload and PingData (event_id, ping_ms: "Estimated round-trip time"), PongPayload (event_id: "Echo of ping event_id"); ${VALUES}`,
    ),
    [
      inText({ type: "ping", ping_event: { event_id: 3, ping_ms: null } }, [], {
        oneWay: "the service pings on its own clock (the simulator's front), not from an event",
      }),
      outText({ type: "pong", event_id: 3 }, [{ type: "passthrough", name: "pong", payload: { type: "pong", event_id: 3 } }], { reply: true }),
      inText({ type: "ping", ping_event: { event_id: 9, ping_ms: 87 } }, [], {
        oneWay: "the service pings on its own clock (the simulator's front), not from an event",
      }),
      outText({ type: "pong", event_id: 9 }, [{ type: "passthrough", name: "pong", payload: { type: "pong", event_id: 9 } }], { reply: true }),
    ],
  );

  // --- transcripts -------------------------------------------------------------------------
  const correction = {
    type: "agent_response_correction",
    agent_response_correction_event: {
      original_agent_response: "Your order shipped today and should arrive by Friday.",
      corrected_agent_response: "Your order shipped today",
      event_id: 12,
    },
  };
  write(
    "transcripts",
    header(
      "the user's tentative and final transcripts, the agent's response, and its correction after an interruption",
      `${ASYNCAPI}: TentativeUserTranscriptPayload / TentativeTranscriptionData, UserTranscriptPayload / UserTranscriptionData, AgentResponsePayload / AgentResponseData, AgentResponseCorrectionPayload / AgentResponseCorrectionData ("Corrected response after interruption"); the correction is a second transcript-end of the same turn (packages/elevenlabs/README.md); the texts are voxwire's; ${VALUES}`,
    ),
    [
      inText({ type: "tentative_user_transcript", tentative_user_transcription_event: { user_transcript: "where is", event_id: 11 } }, [
        { type: "transcript-delta", role: "user", delta: "where is", text: "where is", turnId: "11" },
      ]),
      inText({ type: "user_transcript", user_transcription_event: { user_transcript: "where is my order", event_id: 11 } }, [
        { type: "transcript-end", role: "user", text: "where is my order", turnId: "11" },
      ]),
      inText(
        { type: "agent_response", agent_response_event: { agent_response: "Your order shipped today and should arrive by Friday.", event_id: 12 } },
        [{ type: "transcript-end", role: "agent", text: "Your order shipped today and should arrive by Friday.", turnId: "12" }],
      ),
      inText(correction, [{ type: "transcript-end", role: "agent", text: "Your order shipped today", turnId: "12" }]),
    ],
  );

  // --- tools and text ----------------------------------------------------------------------
  const call = {
    type: "client_tool_call",
    client_tool_call: { tool_name: "lookup_order", tool_call_id: "toolu_01", parameters: { order: "A-1" }, event_id: 14 },
  };
  write(
    "tools-and-text",
    header(
      "a client tool call and its result; typed user text",
      `${ASYNCAPI}: ClientToolCallPayload and ClientToolCallData (tool_name, tool_call_id, parameters, event_id), ClientToolResultPayload (tool_call_id, result: a string, is_error), UserMessagePayload (text); ${VALUES}`,
    ),
    [
      outText({ type: "user_message", text: "Where is my order?" }, [{ type: "text-send", text: "Where is my order?" }]),
      inText(call, [{ type: "tool-call", callId: "toolu_01", name: "lookup_order", arguments: { order: "A-1" } }]),
      outText({ type: "client_tool_result", tool_call_id: "toolu_01", result: '{"status":"shipped"}', is_error: false }, [
        { type: "tool-result", callId: "toolu_01", output: '{"status":"shipped"}', isError: false },
      ]),
      outText({ type: "client_tool_result", tool_call_id: "toolu_01", result: "the order service is down", is_error: true }, [
        { type: "tool-result", callId: "toolu_01", output: "the order service is down", isError: true },
      ]),
    ],
  );

  // --- errors and ending -------------------------------------------------------------------
  const errorFrame = (code, error_type, message) => ({ type: "error", error_event: { code, message, error_type } });
  write(
    "errors",
    header("error messages typed by error_type, then the close that follows them", [
      `${ASYNCAPI}: ErrorPayload and ErrorData (code, message, error_type), ErrorType (override_error and invalid_message with 1008, max_duration_exceeded with 1000, llm_timeout with 1002), WebSocketCloseCode (1000 normal closure: the agent ended the conversation; 1002 operational; 1008 contract); the messages are voxwire's placeholder text`,
      'elevenlabs/elevenlabs-docs#519: close 1011 with the reason "Conversation has exceeded maximum duration"',
    ]),
    [
      inText(errorFrame(1008, "override_error", "Override for field prompt is not allowed by config."), [
        error("invalid_request", true, false, { vendorCode: "override_error", message: "Override for field prompt is not allowed by config." }),
      ]),
      inText(errorFrame(1008, "invalid_message", "Invalid message received"), [
        error("protocol_violation", false, false, { vendorCode: "invalid_message", message: "Invalid message received" }),
      ]),
      inText(errorFrame(1000, "max_duration_exceeded", "Max call duration exceeded"), [
        error("vendor_error", false, false, { vendorCode: "max_duration_exceeded", message: "Max call duration exceeded" }),
      ]),
      inText(errorFrame(1002, "llm_timeout", "LLM response took too long"), [
        error("vendor_error", false, false, { vendorCode: "llm_timeout", message: "LLM response took too long" }),
      ]),
      { dir: "in", close: { code: 1000, reason: "" }, events: [ended("agent_ended", 1000)] },
    ],
  );
  write(
    "ending",
    header("closes: the agent ends the conversation (1000), the maximum duration (1011), a contract error (1008)", [
      `${ASYNCAPI}: WebSocketCloseCode`,
      'elevenlabs/elevenlabs-docs#519: close 1011 "Conversation has exceeded maximum duration"',
      `${CLIENT}: a 1000 close is reported as the agent's end of the conversation`,
    ]),
    [
      { dir: "in", close: { code: 1000, reason: "" }, events: [ended("agent_ended", 1000)] },
      {
        dir: "in",
        close: { code: 1011, reason: "Conversation has exceeded maximum duration" },
        events: [error("vendor_error", false, false, { vendorCode: "max_duration_exceeded" }), ended("vendor_error", 1011)],
      },
      {
        dir: "in",
        close: { code: 1008, reason: "invalid_message" },
        events: [error("invalid_request", true, false, { vendorCode: "invalid_message" }), ended("invalid_request", 1008)],
      },
    ],
  );

  // --- tolerance ---------------------------------------------------------------------------
  const vad = { type: "vad_score", vad_score_event: { vad_score: 0.92 } };
  const part = { type: "agent_chat_response_part", text_response_part: { text: "Your order", type: "delta", event_id: 12 } };
  const mcp = {
    type: "mcp_connection_status",
    mcp_connection_status: { integrations: [{ integration_id: "int_1", integration_type: "mcp_server", is_connected: true, tool_count: 3 }] },
  };
  const unknown = { type: "some_future_event", some_future_event: { event_id: 99 } };
  write(
    "tolerance",
    header(
      "documented messages the model has no event for pass through whole; bad frames are reported",
      `${ASYNCAPI}: VADScorePayload, AgentChatResponsePartPayload, MCPConnectionStatusPayload; a type the description does not list, to show it is kept; docs/writing-a-dialect.md, "Rules a codec keeps"; ${VALUES}`,
    ),
    [
      inText(vad, [{ type: "passthrough", name: vad.type, payload: vad }]),
      inText(part, [{ type: "passthrough", name: part.type, payload: part }]),
      inText(mcp, [{ type: "passthrough", name: mcp.type, payload: mcp }]),
      inText(unknown, [{ type: "passthrough", name: unknown.type, payload: unknown }]),
      inText(audioFrame("@@not base64@@", 1), [error("invalid_audio", false, false)], { oneWay: TOLERANCE }),
      inText(audioFrame("AQID", 1), [error("invalid_audio", false, false)], { oneWay: TOLERANCE }),
      { dir: "in", frame: { text: '{"type":"aud' }, events: [error("protocol_violation", false, false)], ...notJson(TOLERANCE) },
      { dir: "in", frame: { binary: "AQID" }, events: [error("protocol_violation", false, false)], oneWay: TOLERANCE },
    ],
  );
}
