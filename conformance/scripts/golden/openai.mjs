// The golden files of OpenAI Realtime (GA WebSocket API): conformance/golden/openai/, written by
// ../make-golden.mjs. Event names and fields are transcribed from the published GA event types in
// openai-node, src/resources/realtime/realtime.ts (each file names the interfaces it uses); the
// URL and the Authorization header from OpenAI's "Realtime API with WebSocket" guide. The
// reference gives types, not sample values: ids are filled in the documented shape
// (`sess_1234567890abcdef`, as client-secrets.ts describes a session id) and each file says so.
import { b64, ended, error, inBinary, inText, mulawDecode, mulawEncode, notJson, outText, TOLERANCE, tone } from "./shared.mjs";

export const dialect = "openai";

const TYPES = "openai-node, src/resources/realtime/realtime.ts";
const GUIDE = 'OpenAI "Realtime API with WebSocket" guide (https://developers.openai.com/api/docs/guides/realtime-websocket)';
const IDS = "ids and indexes are filled in the documented shape (the reference gives types, not values)";
const SESSION_ID = "sess_1234567890abcdef";

const PCM = { encoding: "pcm16", sampleRate: 24000, frameMs: 20 };
const MULAW = { encoding: "mulaw", sampleRate: 8000, frameMs: 20 };
const PCM_FORMAT = { type: "audio/pcm", rate: 24000 };
const MULAW_FORMAT = { type: "audio/pcmu" };

/** Calls `write(scenario, header, lines)` once per golden file of this dialect. */
export function build(write) {
  const header = (title, source, audio = PCM, target = {}, agent) => ({
    title,
    source,
    target: { url: "wss://api.openai.com", ...target },
    audio: { outbound: audio, inbound: audio },
    ...(agent === undefined ? {} : { agent }),
  });
  const connect = {
    dir: "out",
    connect: { url: "wss://api.openai.com/v1/realtime?model=gpt-realtime", headers: { Authorization: "Bearer [redacted]" } },
  };
  const update = (format) => {
    const message = {
      type: "session.update",
      session: { type: "realtime", audio: { input: { format, turn_detection: { type: "server_vad" } }, output: { format } } },
    };
    return outText(message, [{ type: "session-update", agent: { turnDetection: "server" } }], { plan: true });
  };
  const agentIds = (n) => ({ event_id: `event_${1000 + n}`, response_id: "resp_001", item_id: "item_002", output_index: 0, content_index: 0 });

  // --- handshake ---------------------------------------------------------------------------
  const session = {
    type: "realtime",
    object: "realtime.session",
    id: SESSION_ID,
    model: "gpt-realtime",
    output_modalities: ["audio"],
    audio: {
      input: { format: PCM_FORMAT, turn_detection: { type: "server_vad" } },
      output: { format: PCM_FORMAT, voice: "marin" },
    },
  };
  const created = { type: "session.created", event_id: "event_001", session };
  const updated = { type: "session.updated", event_id: "event_002", session };
  write(
    "handshake",
    header(
      "dial with a Bearer key, session.update first, session.created, session.updated",
      `${GUIDE}: the URL and the Authorization header; ${TYPES}: SessionUpdateEvent, RealtimeSessionCreateRequest (type, audio.input.format and turn_detection, audio.output.format), SessionCreatedEvent, SessionUpdatedEvent; client-secrets.ts: RealtimeSessionCreateResponse (id, object); ${IDS}`,
    ),
    [
      connect,
      update(PCM_FORMAT),
      inText(created, [{ type: "session-started", ids: { session_id: SESSION_ID }, metadata: { event_id: "event_001", session } }]),
      inText(updated, [{ type: "passthrough", name: "session.updated", payload: updated }]),
    ],
  );

  // --- audio at 24 kHz ---------------------------------------------------------------------
  const pcmLines = [];
  for (let i = 0; i < 2; i++) {
    const user = tone(24000, 480, 440, i * 480);
    pcmLines.push(outText({ type: "input_audio_buffer.append", audio: b64(user) }, [{ type: "audio-append", audio: b64(user), sampleRate: 24000 }]));
  }
  for (let i = 0; i < 2; i++) {
    const agent = tone(24000, 480, 660, i * 480);
    pcmLines.push(
      inText({ type: "response.output_audio.delta", ...agentIds(i), delta: b64(agent) }, [
        { type: "audio-chunk", audio: b64(agent), sampleRate: 24000, turnId: "item_002" },
      ]),
    );
  }
  write(
    "audio",
    header(
      "audio/pcm 24 kHz both ways: input_audio_buffer.append out, response.output_audio.delta in",
      `${TYPES}: InputAudioBufferAppendEvent, ResponseAudioDeltaEvent, RealtimeAudioFormats.AudioPCM (24 kHz only); 20 ms appends are voxwire's choice (packages/openai/README.md); payload: a 440 Hz tone out, 660 Hz in; ${IDS}`,
    ),
    [connect, update(PCM_FORMAT), ...pcmLines],
  );

  // --- audio in G.711 μ-law at 8 kHz -----------------------------------------------------------
  const muLines = [];
  for (let i = 0; i < 2; i++) {
    const codes = mulawEncode(tone(8000, 160, 440, i * 160));
    const pcm = mulawDecode(codes);
    muLines.push(
      outText({ type: "input_audio_buffer.append", audio: codes.toString("base64") }, [{ type: "audio-append", audio: b64(pcm), sampleRate: 8000 }]),
    );
  }
  for (let i = 0; i < 2; i++) {
    const codes = mulawEncode(tone(8000, 160, 660, i * 160));
    muLines.push(
      inText({ type: "response.output_audio.delta", ...agentIds(i), delta: codes.toString("base64") }, [
        { type: "audio-chunk", audio: b64(mulawDecode(codes)), sampleRate: 8000, turnId: "item_002" },
      ]),
    );
  }
  write(
    "audio-pcmu",
    header(
      "audio/pcmu (G.711 μ-law, 8 kHz) both ways, as a phone bridge passes it through",
      `${TYPES}: RealtimeAudioFormats.AudioPCMU, InputAudioBufferAppendEvent, ResponseAudioDeltaEvent; the events hold the μ-law codes decoded to PCM16 (SoX tables, packages/core/test-vectors/g711); 20 ms appends are voxwire's choice; payload: a 440 Hz tone out, 660 Hz in; ${IDS}`,
      MULAW,
      { sampleRate: 8000 },
    ),
    [connect, update(MULAW_FORMAT), ...muLines],
  );

  // --- barge-in ----------------------------------------------------------------------------
  const speechStarted = { type: "input_audio_buffer.speech_started", event_id: "event_1101", audio_start_ms: 1500, item_id: "item_003" };
  write(
    "barge-in",
    header(
      "server VAD hears the caller while the agent speaks: speech_started is the user's speech and clears the agent's item; speech_stopped ends it",
      `${TYPES}: InputAudioBufferSpeechStartedEvent (audio_start_ms, event_id, item_id), InputAudioBufferSpeechStoppedEvent (audio_end_ms, event_id, item_id), ResponseAudioDeltaEvent; ${GUIDE}: a WebSocket client stops playback on speech_started; ${IDS}`,
    ),
    [
      pcmLines[2],
      inText(speechStarted, [{ type: "speech-started" }, { type: "playback-clear", turnId: "item_002" }]),
      inText({ type: "input_audio_buffer.speech_stopped", event_id: "event_1102", audio_end_ms: 2400, item_id: "item_003" }, [
        { type: "speech-stopped" },
      ]),
    ],
  );

  // --- truncation: what was heard ------------------------------------------------------------
  write(
    "truncation",
    header(
      "after a barge-in the client tells the service how much of the agent's item was heard",
      `${TYPES}: ConversationItemTruncateEvent (item_id, content_index 0, audio_end_ms: an integer no greater than the item's audio), ConversationItemTruncatedEvent, InputAudioBufferSpeechStartedEvent; ${IDS}`,
    ),
    [
      pcmLines[2],
      inText(speechStarted, [{ type: "speech-started" }, { type: "playback-clear", turnId: "item_002" }]),
      outText({ type: "conversation.item.truncate", item_id: "item_002", content_index: 0, audio_end_ms: 640 }, [
        { type: "playback-heard", turnId: "item_002", heardMs: 640 },
      ]),
      inText({ type: "conversation.item.truncated", event_id: "event_1103", item_id: "item_002", content_index: 0, audio_end_ms: 640 }, [
        {
          type: "passthrough",
          name: "conversation.item.truncated",
          payload: { type: "conversation.item.truncated", event_id: "event_1103", item_id: "item_002", content_index: 0, audio_end_ms: 640 },
        },
      ]),
    ],
  );

  // --- session configuration ------------------------------------------------------------------
  const weather = {
    name: "get_weather",
    description: "The current weather in a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  };
  const agent = { instructions: "You are a terse weather assistant.", voice: "marin", tools: [weather], turnDetection: "semantic", language: "en" };
  const configured = {
    type: "session.update",
    session: {
      type: "realtime",
      audio: {
        input: { format: PCM_FORMAT, turn_detection: { type: "semantic_vad" }, transcription: { language: "en" } },
        output: { format: PCM_FORMAT, voice: "marin" },
      },
      instructions: agent.instructions,
      tools: [{ type: "function", ...weather }],
    },
  };
  const midUpdate = { type: "session.update", session: { type: "realtime", instructions: "Answer in French." } };
  write(
    "session-config",
    header(
      "connect()'s agent becomes the opening session.update; session-update changes what it names mid-session",
      `${TYPES}: SessionUpdateEvent, RealtimeSessionCreateRequest (instructions, tools), RealtimeAudioConfigInput (format, turn_detection, transcription), RealtimeAudioInputTurnDetection.SemanticVad, AudioTranscription (language: ISO-639-1), RealtimeAudioConfigOutput (voice), RealtimeFunctionTool (type, name, description, parameters); "only the fields that are present in the session.update are updated" (SessionUpdateEvent); the instructions and the tool are voxwire's`,
      PCM,
      {},
      agent,
    ),
    [
      connect,
      outText(configured, [{ type: "session-update", agent }], { plan: true }),
      outText(midUpdate, [{ type: "session-update", agent: { instructions: "Answer in French." } }]),
    ],
  );

  // --- tool calls --------------------------------------------------------------------------
  const call = {
    type: "response.function_call_arguments.done",
    event_id: "event_1400",
    response_id: "resp_004",
    item_id: "item_005",
    output_index: 0,
    call_id: "call_abc123",
    name: "get_weather",
    arguments: '{"city":"Paris"}',
  };
  const callItem = {
    type: "response.output_item.done",
    event_id: "event_1401",
    response_id: "resp_004",
    output_index: 0,
    item: {
      id: "item_005",
      object: "realtime.item",
      type: "function_call",
      status: "completed",
      call_id: "call_abc123",
      name: "get_weather",
      arguments: '{"city":"Paris"}',
    },
  };
  const output = { type: "conversation.item.create", item: { type: "function_call_output", call_id: "call_abc123", output: '{"temp_c":14}' } };
  write(
    "tool-call",
    header(
      "a function call arrives once (its arguments done), the result goes back as a function_call_output item, then response.create",
      `${TYPES}: ResponseFunctionCallArgumentsDoneEvent (arguments, call_id, event_id, item_id, name, output_index, response_id), ResponseOutputItemDoneEvent with a RealtimeConversationItemFunctionCall (the same call: passed through, not a second tool-call), ConversationItemCreateEvent, RealtimeConversationItemFunctionCallOutput (call_id, output), ResponseCreateEvent; the function and its result are voxwire's; ${IDS}`,
    ),
    [
      inText(call, [{ type: "tool-call", callId: "call_abc123", name: "get_weather", arguments: { city: "Paris" } }]),
      inText(callItem, [{ type: "passthrough", name: callItem.type, payload: callItem }]),
      outText(output, [{ type: "tool-result", callId: "call_abc123", output: '{"temp_c":14}' }]),
      outText({ type: "response.create" }, [{ type: "passthrough", name: "response.create", payload: { type: "response.create" } }], {
        follows: true,
      }),
    ],
  );

  // --- text in -----------------------------------------------------------------------------
  const typed = {
    type: "conversation.item.create",
    item: { type: "message", role: "user", content: [{ type: "input_text", text: "Is it raining in Paris?" }] },
  };
  write(
    "text-in",
    header(
      "the user types: a user message item with input_text, then response.create",
      `${TYPES}: ConversationItemCreateEvent, RealtimeConversationItemUserMessage (role user, content type input_text), ResponseCreateEvent; the text is voxwire's`,
    ),
    [
      outText(typed, [{ type: "text-send", text: "Is it raining in Paris?" }]),
      outText({ type: "response.create" }, [{ type: "passthrough", name: "response.create", payload: { type: "response.create" } }], {
        follows: true,
      }),
    ],
  );

  // --- transcripts -------------------------------------------------------------------------
  const userIds = (n) => ({ event_id: `event_${1200 + n}`, item_id: "item_003", content_index: 0 });
  write(
    "transcripts",
    header(
      "the agent's and the user's transcripts: deltas, then the whole turn",
      `${TYPES}: ResponseAudioTranscriptDeltaEvent, ResponseAudioTranscriptDoneEvent, ConversationItemInputAudioTranscriptionDeltaEvent, ConversationItemInputAudioTranscriptionCompletedEvent (usage: TranscriptTextUsageDuration); the texts are voxwire's; ${IDS}`,
    ),
    [
      inText({ type: "response.output_audio_transcript.delta", ...agentIds(10), delta: "Hello" }, [
        { type: "transcript-delta", role: "agent", delta: "Hello", text: "Hello", turnId: "item_002" },
      ]),
      inText({ type: "response.output_audio_transcript.delta", ...agentIds(11), delta: ", how can I help?" }, [
        { type: "transcript-delta", role: "agent", delta: ", how can I help?", text: "Hello, how can I help?", turnId: "item_002" },
      ]),
      inText({ type: "response.output_audio_transcript.done", ...agentIds(12), transcript: "Hello, how can I help?" }, [
        { type: "transcript-end", role: "agent", text: "Hello, how can I help?", turnId: "item_002" },
      ]),
      inText({ type: "conversation.item.input_audio_transcription.delta", ...userIds(0), delta: "I need" }, [
        { type: "transcript-delta", role: "user", delta: "I need", text: "I need", turnId: "item_003" },
      ]),
      inText({ type: "conversation.item.input_audio_transcription.delta", ...userIds(1), delta: " a hand" }, [
        { type: "transcript-delta", role: "user", delta: " a hand", text: "I need a hand", turnId: "item_003" },
      ]),
      inText(
        {
          type: "conversation.item.input_audio_transcription.completed",
          ...userIds(2),
          transcript: "I need a hand",
          usage: { type: "duration", seconds: 1.2 },
        },
        [{ type: "transcript-end", role: "user", text: "I need a hand", turnId: "item_003" }],
      ),
    ],
  );

  // --- errors ------------------------------------------------------------------------------
  const errorFrame = (n, type, code, message, more = {}) => ({
    type: "error",
    event_id: `event_${1300 + n}`,
    error: { type, code, message, ...more },
  });
  write(
    "errors",
    header(
      "error events as typed errors; a refused key at the upgrade",
      `${TYPES}: RealtimeErrorEvent and RealtimeError (type, code, message, param, event_id); the codes invalid_api_key, session_expired and rate_limit_exceeded are OpenAI API error codes the Realtime types leave open (code is a free string), and the messages are voxwire's placeholder text, not OpenAI's; the 401 body is the REST API's error object, and how a bad key is reported at the upgrade is voxwire's reading (packages/openai/README.md)`,
    ),
    [
      inText(errorFrame(0, "invalid_request_error", "invalid_api_key", "The API key was not accepted."), [
        error("auth_failed", true, false, { vendorCode: "invalid_api_key", message: "The API key was not accepted." }),
      ]),
      inText(errorFrame(1, "invalid_request_error", "session_expired", "The session reached its maximum duration."), [
        error("token_expired", true, true, { vendorCode: "session_expired", message: "The session reached its maximum duration." }),
      ]),
      inText(errorFrame(2, "rate_limit_error", "rate_limit_exceeded", "Too many requests."), [
        error("concurrency_limit", true, true, { vendorCode: "rate_limit_exceeded", message: "Too many requests." }),
      ]),
      inText(
        errorFrame(3, "invalid_request_error", "invalid_value", "The value of a parameter is not valid.", {
          param: "session.audio.output.voice",
          event_id: "evt_client_7",
        }),
        [error("vendor_error", false, false, { vendorCode: "invalid_value", message: "The value of a parameter is not valid." })],
      ),
      {
        dir: "in",
        upgrade: {
          status: 401,
          body: JSON.stringify({
            error: { type: "invalid_request_error", code: "invalid_api_key", message: "The API key was not accepted.", param: null },
          }),
        },
        events: [error("auth_failed", true, false, { vendorCode: "invalid_api_key" })],
      },
      {
        dir: "in",
        upgrade: {
          status: 429,
          body: JSON.stringify({ error: { type: "rate_limit_error", code: "rate_limit_exceeded", message: "Too many requests.", param: null } }),
        },
        events: [error("concurrency_limit", true, true, { vendorCode: "rate_limit_exceeded" })],
      },
    ],
  );

  // --- ending ------------------------------------------------------------------------------
  write(
    "ending",
    header(
      "the socket closes: the session is over",
      `${GUIDE}: the session lives as long as the socket (the API has no stop event); RFC 6455 close 1000, classified by core`,
    ),
    [{ dir: "in", close: { code: 1000, reason: "" }, events: [ended("closed", 1000)] }],
  );

  // --- tolerance ---------------------------------------------------------------------------
  const badArguments = { ...call, event_id: "event_1403", call_id: "call_def456", arguments: '{"city":"Par' };
  const limits = {
    type: "rate_limits.updated",
    event_id: "event_1401",
    rate_limits: [{ name: "tokens", limit: 40000, remaining: 39000, reset_seconds: 1.5 }],
  };
  const unknown = { type: "response.some_future_event", event_id: "event_1402" };
  write(
    "tolerance",
    header(
      "what the event model has no event for passes through whole; bad frames are reported",
      `${TYPES}: RateLimitsUpdatedEvent, ResponseFunctionCallArgumentsDoneEvent (arguments: a JSON string); an event type the reference does not list, to show it is kept; docs/writing-a-dialect.md, "Rules a codec keeps"; ${IDS}`,
    ),
    [
      inText(limits, [{ type: "passthrough", name: limits.type, payload: limits }]),
      inText(unknown, [{ type: "passthrough", name: unknown.type, payload: unknown }]),
      inText(
        { type: "response.output_audio.delta", ...agentIds(20), delta: "@@not base64@@" },
        [error("invalid_audio", false, false)],
        notJson(TOLERANCE),
      ),
      inText(
        { type: "response.output_audio.delta", ...agentIds(21), delta: "AQID" },
        [error("invalid_audio", false, false)],
        notJson("three bytes are not whole PCM16 samples: reported, not played"),
      ),
      inText(
        badArguments,
        [error("protocol_violation", false, false), { type: "tool-call", callId: "call_def456", name: "get_weather", arguments: '{"city":"Par' }],
        notJson("arguments that are not JSON: reported, and the call still arrives (with the raw string) so it can be answered"),
      ),
      inBinary(
        [1, 2, 3, 4],
        [error("protocol_violation", false, false)],
        notJson("the Realtime WebSocket is JSON text only: a binary frame is reported"),
      ),
    ],
  );
}
