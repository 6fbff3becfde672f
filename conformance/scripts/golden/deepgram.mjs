// The golden files of Deepgram's Voice Agent API (v1): conformance/golden/deepgram/, written by
// ../make-golden.mjs. Message names and fields are transcribed from the agent types of the
// official SDK (deepgram/deepgram-js-sdk, src/api/resources/agent/resources/v1/types/*.ts, as
// published in @deepgram/sdk 5.13.0; each file names the types it uses) and Deepgram's Voice Agent
// API reference; the Settings audio block and the function-call frames from Deepgram's own
// examples. The types give shapes, not values: ids, texts and latencies are filled in the
// documented shape and each file says so.
import { binaryAudioLines, ended, error, inBinary, inText, notJson, outText, TOLERANCE } from "./shared.mjs";

export const dialect = "deepgram";

const TYPES = "deepgram/deepgram-js-sdk, src/api/resources/agent/resources/v1/types (@deepgram/sdk 5.13.0)";
const REFERENCE = "Deepgram Voice Agent API reference (https://developers.deepgram.com/reference/voice-agent-api/agent)";
const SETTINGS_DOC = 'Deepgram "Settings" (https://developers.deepgram.com/docs/voice-agent-settings)';
const ERRORS_DOC = 'Deepgram "Errors & Warnings" (https://developers.deepgram.com/docs/voice-agent-errors-warnings)';
const FUNCTIONS_DOC = 'Deepgram "Function Calling" (https://developers.deepgram.com/docs/voice-agents-function-calling)';
const VALUES = "ids, texts and latencies are filled in the documented shape (the types give shapes, not values)";

const PCM = { encoding: "pcm16", sampleRate: 24000, frameMs: 20 };
const INBOUND = { encoding: "pcm16", sampleRate: 24000 };
const REQUEST_ID = "8f2c4a8e-5d6b-4f1e-9a3c-2b7d0e1f4a6c";

/** Calls `write(scenario, header, lines)` once per golden file of this dialect. */
export function build(write) {
  const header = (title, source) => ({
    title,
    source,
    target: { url: "wss://agent.deepgram.com" },
    audio: { outbound: PCM, inbound: INBOUND },
  });
  const connect = { dir: "out", connect: { url: "wss://agent.deepgram.com/v1/agent/converse", headers: { Authorization: "Token [redacted]" } } };
  // voxwire's Settings for a session without an `agent` option: the document's audio block, an empty agent (Deepgram's defaults).
  const settingsMessage = {
    type: "Settings",
    audio: { input: { encoding: "linear16", sample_rate: 24000 }, output: { encoding: "linear16", sample_rate: 24000, container: "none" } },
    agent: {},
  };
  const settings = outText(settingsMessage, [{ type: "session-update", agent: {} }], { plan: true });
  const welcome = inText({ type: "Welcome", request_id: REQUEST_ID }, [{ type: "session-started", ids: { request_id: REQUEST_ID } }]);
  const applied = inText({ type: "SettingsApplied" }, [{ type: "agent-state", state: "listening" }]);
  const opening = [connect, settings, welcome, applied];

  // --- handshake ---------------------------------------------------------------------------
  write(
    "handshake",
    header(
      "dial with a Token key, Settings first, Welcome, SettingsApplied (the agent is ready and listens)",
      `${REFERENCE}: the URL and the Authorization header ("token <KEY>"); ${SETTINGS_DOC}: the audio block (linear16, sample_rate, container "none"); ${TYPES}: AgentV1Settings, AgentV1Welcome, AgentV1SettingsApplied; the empty agent is voxwire's mapping of no agent option (Deepgram's defaults apply); ${VALUES}`,
    ),
    opening,
  );

  // --- audio ---------------------------------------------------------------------------------
  write(
    "audio",
    header(
      "linear16 24 kHz as binary frames both ways",
      `${REFERENCE}: binary audio both ways (AgentV1Media); ${SETTINGS_DOC}: linear16 at 24000 Hz; 20 ms frames are voxwire's choice (packages/deepgram/README.md); payload: a 440 Hz tone out, 660 Hz in`,
    ),
    [...opening, ...binaryAudioLines(24000, 480)],
  );

  // --- agent states and barge-in -----------------------------------------------------------
  write(
    "agent-state",
    header(
      "AgentThinking, AgentStartedSpeaking, AgentAudioDone as the agent's turn states",
      `${TYPES}: AgentV1AgentThinking (content), AgentV1AgentStartedSpeaking (total_latency, tts_latency, ttt_latency), AgentV1AgentAudioDone ("the agent has finished sending audio": the agent listens again, voxwire's reading); ${VALUES}`,
    ),
    [
      ...opening,
      inText({ type: "AgentThinking", content: "Looking up the weather." }, [{ type: "agent-state", state: "thinking" }]),
      inText({ type: "AgentStartedSpeaking", total_latency: 0.82, tts_latency: 0.21, ttt_latency: 0.61 }, [
        { type: "agent-state", state: "speaking" },
      ]),
      inText({ type: "AgentAudioDone" }, [{ type: "agent-state", state: "listening" }]),
    ],
  );
  write(
    "barge-in",
    header(
      "UserStartedSpeaking: the user's speech began, and queued agent audio must go",
      `${TYPES}: AgentV1UserStartedSpeaking; ${REFERENCE} and Deepgram's "Get Started" steps: on UserStartedSpeaking, discard queued agent speech (the barge-in cue)`,
    ),
    [
      ...opening,
      inText({ type: "AgentStartedSpeaking", total_latency: 0.82, tts_latency: 0.21, ttt_latency: 0.61 }, [
        { type: "agent-state", state: "speaking" },
      ]),
      inText({ type: "UserStartedSpeaking" }, [{ type: "speech-started" }, { type: "playback-clear" }]),
    ],
  );

  // --- transcripts -------------------------------------------------------------------------
  write(
    "transcripts",
    header(
      "ConversationText: whole statements, the user's and the assistant's",
      `${TYPES}: AgentV1ConversationText (role user | assistant, content); Deepgram sends no partial text, so each is a transcript-end; ${VALUES}`,
    ),
    [
      ...opening,
      inText({ type: "ConversationText", role: "assistant", content: "Hello! How can I help you today?" }, [
        { type: "transcript-end", role: "agent", text: "Hello! How can I help you today?" },
      ]),
      inText({ type: "ConversationText", role: "user", content: "What's the weather in Paris?" }, [
        { type: "transcript-end", role: "user", text: "What's the weather in Paris?" },
      ]),
    ],
  );

  // --- function calls ----------------------------------------------------------------------
  const request = {
    type: "FunctionCallRequest",
    functions: [{ id: "fc_1", name: "get_weather", arguments: '{"city":"Paris"}', client_side: true }],
  };
  const serverSide = {
    type: "FunctionCallRequest",
    functions: [{ id: "fc_2", name: "lookup_order", arguments: '{"order":"A1"}', client_side: false }],
  };
  write(
    "tools",
    header(
      "a client-side FunctionCallRequest answered with FunctionCallResponse; a server-side one passed through; a cancellation",
      `${TYPES}: AgentV1FunctionCallRequest (functions[{id, name, arguments, client_side}]), AgentV1SendFunctionCallResponse ({id, name, content}), AgentV1FunctionCallCancelled (functions[{id, name}]); ${FUNCTIONS_DOC}: only client_side calls are the client's to answer; ${VALUES}`,
    ),
    [
      ...opening,
      inText(request, [{ type: "tool-call", callId: "fc_1", name: "get_weather", arguments: { city: "Paris" } }]),
      outText({ type: "FunctionCallResponse", id: "fc_1", name: "get_weather", content: '{"temperature_c":14}' }, [
        { type: "tool-result", callId: "fc_1", output: '{"temperature_c":14}' },
      ]),
      inText(serverSide, [{ type: "passthrough", name: "FunctionCallRequest", payload: serverSide }]),
      inText({ type: "FunctionCallRequest", functions: [{ id: "fc_3", name: "get_weather", arguments: '{"city":"Oslo"}', client_side: true }] }, [
        { type: "tool-call", callId: "fc_3", name: "get_weather", arguments: { city: "Oslo" } },
      ]),
      inText({ type: "FunctionCallCancelled", functions: [{ id: "fc_3", name: "get_weather" }] }, [
        { type: "tool-call-cancelled", callIds: ["fc_3"] },
      ]),
    ],
  );

  // --- typed text and mid-session updates --------------------------------------------------
  const functions = [
    { name: "get_time", description: "The time in a city", parameters: { type: "object", properties: { city: { type: "string" } } } },
  ];
  write(
    "updates",
    header(
      "typed text as InjectUserMessage; new tools, instructions and voice as UpdateThink, UpdatePrompt, UpdateSpeak, each acknowledged",
      `${TYPES}: AgentV1InjectUserMessage (content), AgentV1UpdatePrompt (prompt), AgentV1UpdateThink (think: ThinkSettingsV1 with functions), AgentV1UpdateSpeak (speak: SpeakSettingsV1, provider deepgram + model), AgentV1PromptUpdated, AgentV1ThinkUpdated, AgentV1SpeakUpdated; which message each normalized field becomes is voxwire's mapping (packages/deepgram/README.md); ${VALUES}`,
    ),
    [
      ...opening,
      outText({ type: "InjectUserMessage", content: "What's the weather in Paris?" }, [{ type: "text-send", text: "What's the weather in Paris?" }]),
      outText({ type: "UpdateThink", think: { functions } }, [{ type: "session-update", agent: { tools: functions } }]),
      inText({ type: "ThinkUpdated" }, [{ type: "passthrough", name: "ThinkUpdated", payload: { type: "ThinkUpdated" } }]),
      outText({ type: "UpdatePrompt", prompt: "You are a terse weather assistant." }, [
        { type: "session-update", agent: { instructions: "You are a terse weather assistant." } },
      ]),
      inText({ type: "PromptUpdated" }, [{ type: "passthrough", name: "PromptUpdated", payload: { type: "PromptUpdated" } }]),
      outText({ type: "UpdateSpeak", speak: { provider: { type: "deepgram", model: "aura-2-zeus-en" } } }, [
        { type: "session-update", agent: { voice: "aura-2-zeus-en" } },
      ]),
      inText({ type: "SpeakUpdated" }, [{ type: "passthrough", name: "SpeakUpdated", payload: { type: "SpeakUpdated" } }]),
    ],
  );

  // --- errors --------------------------------------------------------------------------------
  const failure = (code, description) => ({ type: "Error", description, code });
  write(
    "errors",
    header(
      "Error (fatal, typed by its code), Warning (a debug line), refusals at the upgrade",
      `${ERRORS_DOC}: the Error and Warning shapes, the codes and that every Error ends the session; ${TYPES}: AgentV1Error, AgentV1Warning; upgrade refusals: HTTP status with a JSON body ("STT Troubleshooting WebSocket, NET, and DATA Errors", https://developers.deepgram.com/docs/stt-troubleshooting-websocket-data-and-net-errors), body fields from ErrorResponseLegacyError (err_code, err_msg, request_id; the codes are placeholders); descriptions are placeholders`,
    ),
    [
      ...opening,
      inText({ type: "Warning", description: "The prompt was too long and had to be truncated.", code: "PROMPT_TOO_LONG" }, [
        { type: "debug", message: "PROMPT_TOO_LONG: The prompt was too long and had to be truncated." },
      ]),
      inText(failure("INVALID_SETTINGS", "The Settings message contained invalid values."), [
        error("protocol_violation", true, false, { vendorCode: "INVALID_SETTINGS" }),
      ]),
      inText(failure("CLIENT_MESSAGE_TIMEOUT", "The server waited too long for a message from the client."), [
        error("timeout", true, true, { vendorCode: "CLIENT_MESSAGE_TIMEOUT" }),
      ]),
      inText(failure("INTERNAL_SERVER_ERROR", "An internal server error occurred."), [
        error("vendor_error", true, true, { vendorCode: "INTERNAL_SERVER_ERROR" }),
      ]),
      { dir: "in", close: { code: 1000, reason: "" }, events: [ended("closed", 1000)] },
      {
        dir: "in",
        upgrade: { status: 401, body: JSON.stringify({ err_code: "INVALID_AUTH", err_msg: "Invalid credentials.", request_id: REQUEST_ID }) },
        events: [error("auth_failed", true, false, { vendorCode: "INVALID_AUTH" })],
      },
      {
        dir: "in",
        upgrade: { status: 429, body: JSON.stringify({ err_code: "TOO_MANY_REQUESTS", err_msg: "Too many requests.", request_id: REQUEST_ID }) },
        events: [error("concurrency_limit", true, true, { vendorCode: "TOO_MANY_REQUESTS" })],
      },
    ],
  );

  // --- tolerance -----------------------------------------------------------------------------
  write(
    "tolerance",
    header(
      "malformed frames, an undocumented role, documented messages voxwire passes through",
      `${TYPES}: AgentV1History, AgentV1LatencyReport, AgentV1InjectionRefused (passed through by design); malformed lines: ${TOLERANCE}; ${VALUES}`,
    ),
    [
      ...opening,
      inText({ type: "History", role: "user", content: "Hi" }, [
        { type: "passthrough", name: "History", payload: { type: "History", role: "user", content: "Hi" } },
      ]),
      inText({ type: "LatencyReport", stt_latency: 0.12, total_latency: 0.9 }, [
        { type: "passthrough", name: "LatencyReport", payload: { type: "LatencyReport", stt_latency: 0.12, total_latency: 0.9 } },
      ]),
      inText({ type: "InjectionRefused", message: "Cannot inject message while agent is currently speaking" }, [
        {
          type: "passthrough",
          name: "InjectionRefused",
          payload: { type: "InjectionRefused", message: "Cannot inject message while agent is currently speaking" },
        },
      ]),
      inText({ type: "ConversationText", role: "system", content: "x" }, [
        { type: "passthrough", name: "ConversationText", payload: { type: "ConversationText", role: "system", content: "x" } },
      ]),
      { ...inText('{"type":"Welc', [error("protocol_violation", false, false)]), ...notJson(TOLERANCE) },
      { ...inText("[1,2,3]", [error("protocol_violation", false, false)]), ...notJson(TOLERANCE) },
      { ...inBinary(new Uint8Array([1, 2, 3]), [error("invalid_audio", false, false)]), ...notJson(TOLERANCE) },
    ],
  );
}
