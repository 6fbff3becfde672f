// The golden files of the Gemini Live API (BidiGenerateContent over WebSocket):
// conformance/golden/gemini/, written by ../make-golden.mjs. Where Google's own repository
// recorded the frame, it is transcribed verbatim (googleapis/js-genai,
// test/system/recordings/live_ML_Dev_*.websocket.log: the service pretty-prints its messages,
// kept here); the rest follows the message types of the Live API reference and of
// `@google/genai` 3.1.0 (`LiveServerMessage`, `LiveClientMessage` in its types), each file saying which.
// Audio payloads are a tone in the documented shape and rate (no recording holds agent audio
// from the Gemini Developer API; the Vertex one shows `inlineData.mimeType: "audio/pcm"`).
import { b64, ended, error, inText, notJson, outText, TOLERANCE, tone } from "./shared.mjs";

export const dialect = "gemini";

const REFERENCE = "Live API WebSockets reference (https://ai.google.dev/api/live)";
const SESSIONS = "session-management guide (https://ai.google.dev/gemini-api/docs/live-session)";
const TYPES = "@google/genai 3.1.0 types (googleapis/js-genai src/types.ts)";
const RECORDED = (name) => `googleapis/js-genai test/system/recordings/live_ML_Dev_${name}.websocket.log`;
const TONE = "payload: a 440 Hz tone out (16 kHz), 660 Hz in (24 kHz)";

const INPUT = { encoding: "pcm16", sampleRate: 16000, frameMs: 20 };
const OUTPUT = { encoding: "pcm16", sampleRate: 24000 };
const MODEL = "models/gemini-live-2.5-flash-preview";

/** The service's formatting of a message (two-space JSON and a final newline, as recorded). */
const pretty = (message) => `${JSON.stringify(message, null, 2)}\n`;

/** Calls `write(scenario, header, lines)` once per golden file of this dialect. */
export function build(write) {
  const header = (title, source) => ({
    title,
    source,
    target: { url: "wss://generativelanguage.googleapis.com" },
    audio: { outbound: INPUT, inbound: OUTPUT },
  });
  const connect = {
    dir: "out",
    connect: {
      url: "wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent?key=[redacted]",
    },
  };
  const setup = {
    setup: {
      model: MODEL,
      generationConfig: { responseModalities: ["AUDIO"] },
      inputAudioTranscription: {},
      outputAudioTranscription: {},
      sessionResumption: {},
    },
  };
  const setupLine = outText(setup, [{ type: "session-update", agent: {} }], { plan: true });
  const setupComplete = inText(pretty({ setupComplete: {} }), [
    { type: "session-started", ids: {} },
    { type: "agent-state", state: "listening" },
  ]);
  const agentAudio = (i, events) => {
    const samples = tone(24000, 480, 660, i * 480);
    return inText({ serverContent: { modelTurn: { parts: [{ inlineData: { mimeType: "audio/pcm", data: b64(samples) } }] } } }, [
      ...events,
      { type: "audio-chunk", audio: b64(samples), sampleRate: 24000 },
    ]);
  };
  const speaking = { type: "agent-state", state: "speaking" };
  const listening = { type: "agent-state", state: "listening" };
  const turnComplete = inText({ serverContent: { turnComplete: true } }, [listening]);

  // --- handshake -----------------------------------------------------------------------------
  write(
    "handshake",
    header(
      "the key in the query, setup first, setupComplete",
      `${REFERENCE}: the endpoint, BidiGenerateContentSetup (model, generationConfig.responseModalities, input/outputAudioTranscription, sessionResumption); js-genai src/live.ts: the key= query parameter; ${RECORDED("should_send_text_in_async_session")}: the setupComplete frame, verbatim, and the model name; the setup's fields are voxwire's mapping (packages/gemini/README.md)`,
    ),
    [connect, setupLine, setupComplete],
  );

  // --- the agent option mapped onto setup ------------------------------------------------------
  const agent = {
    instructions: "You are a weather assistant. Be brief.",
    voice: "Puck",
    language: "en-US",
    turnDetection: "server",
    tools: [
      {
        name: "get_current_weather",
        description: "Get the current weather in a given location",
        parameters: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
      },
    ],
  };
  const mapped = {
    setup: {
      model: MODEL,
      generationConfig: {
        responseModalities: ["AUDIO"],
        speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: "Puck" } }, languageCode: "en-US" },
      },
      systemInstruction: { parts: [{ text: agent.instructions }] },
      tools: [
        {
          functionDeclarations: [
            { name: agent.tools[0].name, description: agent.tools[0].description, parametersJsonSchema: agent.tools[0].parameters },
          ],
        },
      ],
      realtimeInputConfig: { automaticActivityDetection: { disabled: false } },
      inputAudioTranscription: {},
      outputAudioTranscription: {},
      sessionResumption: {},
    },
  };
  write(
    "setup-agent",
    {
      ...header(
        "the agent option in setup: system instruction, voice and language, a function declaration, activity detection",
        `${REFERENCE}: BidiGenerateContentSetup (systemInstruction, generationConfig.speechConfig, tools, realtimeInputConfig.automaticActivityDetection); ${TYPES}: SpeechConfig (voiceConfig.prebuiltVoiceConfig.voiceName, languageCode), FunctionDeclaration.parametersJsonSchema (JSON Schema); ${RECORDED("should_send_tool_response")}: the tool's name and description; the mapping is voxwire's (packages/gemini/README.md, "The setup")`,
      ),
      agent,
    },
    [outText(mapped, [{ type: "session-update", agent: { ...agent, tools: [{ ...agent.tools[0] }] } }], { plan: true }), setupComplete],
  );

  // --- audio -----------------------------------------------------------------------------------
  const userAudio = [0, 1].map((i) => {
    const samples = tone(16000, 320, 440, i * 320);
    return outText({ realtimeInput: { audio: { data: b64(samples), mimeType: "audio/pcm;rate=16000" } } }, [
      { type: "audio-append", audio: b64(samples), sampleRate: 16000 },
    ]);
  });
  const usage = {
    promptTokenCount: 515,
    responseTokenCount: 38,
    totalTokenCount: 553,
    promptTokensDetails: [{ modality: "TEXT", tokenCount: 515 }],
    responseTokensDetails: [{ modality: "TEXT", tokenCount: 38 }],
  };
  write(
    "audio",
    header(
      "PCM16 both ways: realtimeInput.audio at 16 kHz out, modelTurn inlineData at 24 kHz in; the turn's end with its usage",
      `${REFERENCE}: BidiGenerateContentRealtimeInput.audio (Blob data, mimeType "audio/pcm;rate=16000"), BidiGenerateContentServerContent (modelTurn, generationComplete, turnComplete), UsageMetadata; the agent's mimeType "audio/pcm" without a rate as googleapis/js-genai test/system/recordings/live_Vertex_should_return_error_for_invalid_input_in_async_session.websocket.log shows it (24 kHz by the Live API guide); ${RECORDED("should_send_text_in_async_session")}: the generationComplete and turnComplete + usageMetadata frames, verbatim; 20 ms chunks are voxwire's choice; ${TONE}`,
    ),
    [
      ...userAudio,
      agentAudio(0, [speaking]),
      agentAudio(1, []),
      inText(pretty({ serverContent: { generationComplete: true } }), [
        { type: "passthrough", name: "serverContent", payload: { generationComplete: true } },
      ]),
      inText(pretty({ serverContent: { turnComplete: true }, usageMetadata: usage }), [
        listening,
        { type: "passthrough", name: "usageMetadata", payload: usage },
      ]),
    ],
  );

  // --- typed text ------------------------------------------------------------------------------
  write(
    "text",
    header(
      "typed text as realtimeInput.text; a TEXT-modality answer",
      `${RECORDED("should_reply_to_realtime_text_input")}: every frame, verbatim (that session asked for TEXT responses, which a setup override can; the agent's text parts are read as its transcript)`,
    ),
    [
      outText('{"realtimeInput":{"text":"Are you there Gemini?"}}', [{ type: "text-send", text: "Are you there Gemini?" }]),
      inText(
        pretty({ serverContent: { modelTurn: { parts: [{ text: "Yes, I'" }] } } }),
        [speaking, { type: "transcript-delta", role: "agent", delta: "Yes, I'", text: "Yes, I'" }],
        notJson("the simulator answers in audio with outputTranscription, not TEXT parts"),
      ),
      inText(
        pretty({ serverContent: { modelTurn: { parts: [{ text: "m here! How can I help you today?" }] } } }),
        [{ type: "transcript-delta", role: "agent", delta: "m here! How can I help you today?", text: "Yes, I'm here! How can I help you today?" }],
        notJson("the simulator answers in audio with outputTranscription, not TEXT parts"),
      ),
      inText(
        { serverContent: { turnComplete: true } },
        [{ type: "transcript-end", role: "agent", text: "Yes, I'm here! How can I help you today?" }, listening],
        { source: `${REFERENCE}: turnComplete`, ...notJson("follows the TEXT answer above, which the simulator does not send") },
      ),
    ],
  );

  // --- transcripts -----------------------------------------------------------------------------
  const agentText = [
    "We",
    " could talk about anything you like. Perhaps you have a hobby or an interest you",
    "'d like to discuss, or maybe there's a topic you've been curious about lately.",
  ];
  const whole = (n) => agentText.slice(0, n + 1).join("");
  write(
    "transcripts",
    header(
      "both sides transcribed in pieces; the user's ends when the model answers or with finished, the agent's at turnComplete",
      `${RECORDED("should_receive_transcription_in_async_session_with_transcription_enabled")}: the three outputTranscription frames, verbatim; ${REFERENCE}: BidiGenerateContentServerContent.inputTranscription, turnComplete; ${TYPES}: Transcription.finished; the user's texts are voxwire's`,
    ),
    [
      inText({ serverContent: { inputTranscription: { text: "Hello, what" } } }, [
        { type: "transcript-delta", role: "user", delta: "Hello, what", text: "Hello, what" },
      ]),
      inText({ serverContent: { inputTranscription: { text: " should we talk about?" } } }, [
        { type: "transcript-delta", role: "user", delta: " should we talk about?", text: "Hello, what should we talk about?" },
      ]),
      ...agentText.map((piece, i) =>
        inText(pretty({ serverContent: { outputTranscription: { text: piece } } }), [
          ...(i === 0 ? [{ type: "transcript-end", role: "user", text: "Hello, what should we talk about?" }, speaking] : []),
          { type: "transcript-delta", role: "agent", delta: piece, text: whole(i) },
        ]),
      ),
      inText({ serverContent: { turnComplete: true } }, [{ type: "transcript-end", role: "agent", text: whole(2) }, listening]),
      inText({ serverContent: { inputTranscription: { text: "Music" } } }, [
        { type: "transcript-delta", role: "user", delta: "Music", text: "Music" },
      ]),
      inText({ serverContent: { inputTranscription: { text: ", please.", finished: true } } }, [
        { type: "transcript-end", role: "user", text: "Music, please." },
      ]),
    ],
  );

  // --- tools -----------------------------------------------------------------------------------
  const callId = "function-call-5831923424298605773";
  const code = {
    serverContent: {
      modelTurn: { parts: [{ executableCode: { language: "PYTHON", code: "print(default_api.get_current_weather(location='Redmond, WA'))" } }] },
    },
  };
  write(
    "tools",
    header(
      "toolCall → tool-call, tool-result → toolResponse (output, error), toolCallCancellation",
      `${RECORDED("should_send_tool_response")}: the executableCode and toolCall frames, verbatim; ${REFERENCE}: BidiGenerateContentToolResponse, BidiGenerateContentToolCallCancellation; ${TYPES}: FunctionResponse.response ("output" for the result, "error" for a failure); the second call, its id and the results are voxwire's`,
    ),
    [
      inText(pretty(code), [{ type: "passthrough", name: "serverContent", payload: code.serverContent }]),
      inText(pretty({ toolCall: { functionCalls: [{ name: "get_current_weather", args: { location: "Redmond, WA" }, id: callId }] } }), [
        { type: "tool-call", callId, name: "get_current_weather", arguments: { location: "Redmond, WA" } },
      ]),
      outText({ toolResponse: { functionResponses: [{ id: callId, name: "get_current_weather", response: { output: { temp: "14C" } } }] } }, [
        { type: "tool-result", callId, output: { temp: "14C" } },
      ]),
      inText({ toolCall: { functionCalls: [{ name: "get_current_weather", args: { location: "Paris" }, id: "function-call-2" }] } }, [
        { type: "tool-call", callId: "function-call-2", name: "get_current_weather", arguments: { location: "Paris" } },
      ]),
      outText(
        {
          toolResponse: {
            functionResponses: [{ id: "function-call-2", name: "get_current_weather", response: { error: "the weather service is down" } }],
          },
        },
        [{ type: "tool-result", callId: "function-call-2", output: "the weather service is down", isError: true }],
      ),
      inText({ toolCall: { functionCalls: [{ name: "get_current_weather", args: { location: "Oslo" }, id: "function-call-3" }] } }, [
        { type: "tool-call", callId: "function-call-3", name: "get_current_weather", arguments: { location: "Oslo" } },
      ]),
      inText({ toolCallCancellation: { ids: ["function-call-3"] } }, [{ type: "tool-call-cancelled", callIds: ["function-call-3"] }]),
    ],
  );

  // --- barge-in --------------------------------------------------------------------------------
  write(
    "barge-in",
    header(
      "the user talks over the agent: voiceActivity, interrupted, then the cut turn completes",
      `${REFERENCE}: BidiGenerateContentServerContent.interrupted ("stop and empty the current queue"), turnComplete after an interruption (no generationComplete); ${TYPES}: LiveServerMessage.voiceActivity (VoiceActivityType ACTIVITY_START / ACTIVITY_END); ${TONE}`,
    ),
    [
      agentAudio(0, [speaking]),
      inText({ voiceActivity: { voiceActivityType: "ACTIVITY_START" } }, [{ type: "speech-started" }]),
      inText({ serverContent: { interrupted: true } }, [{ type: "playback-clear" }]),
      turnComplete,
      inText({ voiceActivity: { voiceActivityType: "ACTIVITY_END" } }, [{ type: "speech-stopped" }]),
    ],
  );

  // --- resumption and the connection's end -----------------------------------------------------
  write(
    "resumption",
    header(
      "resumption handles, goAway before the connection ends, the end",
      `${SESSIONS}: sessionResumption updates (a handle, resumable), GoAway.timeLeft (a protobuf Duration in JSON, "50s"); ${TYPES}: LiveServerSessionResumptionUpdate (newHandle, resumable; an empty handle with resumable false mid tool call); the handle value is a placeholder; close 1011 at the deadline as https://discuss.ai.google.dev/t/186392 reports it (its reason text is voxwire's placeholder)`,
    ),
    [
      inText({ sessionResumptionUpdate: { newHandle: "Cg8KDXNlc3Npb24taGFuZGxl", resumable: true } }, [
        { type: "passthrough", name: "sessionResumptionUpdate", payload: { newHandle: "Cg8KDXNlc3Npb24taGFuZGxl", resumable: true } },
      ]),
      inText({ sessionResumptionUpdate: { newHandle: "", resumable: false } }, [
        { type: "passthrough", name: "sessionResumptionUpdate", payload: { newHandle: "", resumable: false } },
      ]),
      inText({ goAway: { timeLeft: "50s" } }, [{ type: "session-expiring", inMs: 50000 }]),
      inText({ goAway: { timeLeft: "0.25s" } }, [{ type: "session-expiring", inMs: 250 }]),
      { dir: "in", close: { code: 1011, reason: "Deadline expired." }, events: [error("server_error", true, true), ended("server_error", 1011)] },
    ],
  );

  // --- failures --------------------------------------------------------------------------------
  write(
    "failures",
    header(
      "the service reports failures by close code and reason: 1007, 1008, 1011; an HTTP refusal at the upgrade",
      "no Live API document lists close codes; the codes and the expired-key reason are as clients observe them: yagudaev/voiceclaw PR #155 (1007 'API key expired. Please renew the API key.' during setup), https://discuss.ai.google.dev/t/186392 (1011 at the deadline, 1007 on resuming); the other reason texts are voxwire's placeholders in the service's style, and the classification is voxwire's (packages/gemini/src/close-rules.ts)",
    ),
    [
      {
        dir: "in",
        close: { code: 1007, reason: "API key expired. Please renew the API key." },
        events: [error("auth_failed", true, false), ended("auth_failed", 1007)],
      },
      {
        dir: "in",
        close: { code: 1007, reason: "API key not valid. Please pass a valid API key." },
        events: [error("auth_failed", true, false), ended("auth_failed", 1007)],
      },
      {
        dir: "in",
        close: { code: 1007, reason: "Session resumption handle not valid." },
        events: [error("token_expired", true, true), ended("token_expired", 1007)],
      },
      {
        dir: "in",
        close: { code: 1007, reason: "Request contains an invalid argument." },
        events: [error("invalid_request", true, false), ended("invalid_request", 1007)],
      },
      {
        dir: "in",
        close: { code: 1008, reason: "Requested entity was not found." },
        events: [error("invalid_request", true, false), ended("invalid_request", 1008)],
      },
      {
        dir: "in",
        close: { code: 1011, reason: "You exceeded your current quota." },
        events: [error("concurrency_limit", true, true), ended("concurrency_limit", 1011)],
      },
      { dir: "in", close: { code: 1000, reason: "" }, events: [ended("closed", 1000)] },
      {
        dir: "in",
        upgrade: { status: 429, body: '{"error":{"code":429,"message":"Too many concurrent sessions.","status":"RESOURCE_EXHAUSTED"}}' },
        events: [error("concurrency_limit", true, true)],
      },
    ],
  );

  // --- tolerance -------------------------------------------------------------------------------
  const bad = (data) => ({ serverContent: { modelTurn: { parts: [{ inlineData: { mimeType: "audio/pcm", data } }] } } });
  const binaryJson = {
    dir: "in",
    frame: { binary: Buffer.from('{"setupComplete":{}}').toString("base64") },
    events: [{ type: "session-started", ids: {} }, listening],
    ...notJson("the service sends JSON in binary frames to browsers (js-genai reads Blob and ArrayBuffer data as text); the peer codec writes text"),
  };
  write(
    "tolerance",
    header(
      "bad frames are reported and the session goes on; unknown messages pass through; JSON in a binary frame is read",
      `docs/writing-a-dialect.md, "Rules a codec keeps"; js-genai src/live.ts handleWebSocketMessage (binary frames hold JSON); ${REFERENCE} for the shapes`,
    ),
    [
      inText('{"serverContent":{"modelTu', [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inText("[1,2,3]", [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inText("{}", [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inText(bad("@@not base64@@"), [speaking, error("invalid_audio", false, false)], notJson(TOLERANCE)),
      inText(bad("AQID"), [error("invalid_audio", false, false)], notJson(TOLERANCE)),
      inText(
        { serverContent: { modelTurn: { parts: [{ inlineData: { mimeType: "audio/pcm;rate=16000", data: "AAAAAA==" } }] } } },
        [error("invalid_audio", false, false)],
        notJson("agent audio at a rate the session does not play: reported, not played"),
      ),
      binaryJson,
      inText({ somethingNew: { value: 1 } }, [{ type: "passthrough", name: "somethingNew", payload: { value: 1 } }]),
    ],
  );
}
