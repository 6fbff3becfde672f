import type { ConformanceSubject } from "@voxwire/conformance";
import { elevenlabs } from "../elevenlabs.js";
import { DIALECT_NAME, ELEVENLABS_AUDIO_FORMATS, ELEVENLABS_SERVER_EVENTS } from "../wire.js";
import { type ElevenlabsFrontOptions, elevenlabsFront } from "./front.js";

/** The agent the subject talks to when the target names none; the simulator knows every id unless told otherwise. */
export const ELEVENLABS_SAMPLE_AGENT = "agent_voxwire_sample";

/**
 * ElevenLabs Agents as the shared conformance suite and the CLI see it: a private agent, so the
 * key fetches a signed URL first (the path a server takes), and the simulator's front.
 */
export const elevenlabsSubject: ConformanceSubject = {
  name: DIALECT_NAME,
  summary: "ElevenLabs Agents WebSocket (public agent id, or a signed URL from xi-api-key; base64 pcm_8000…48000 / ulaw_8000, pings answered)",
  client: ({ url, key, agentId, sampleRate }) =>
    elevenlabs({
      agentId: agentId ?? ELEVENLABS_SAMPLE_AGENT,
      apiKey: key,
      baseUrl: url,
      ...(sampleRate === 8000 ? { audio: "ulaw_8000" as const } : {}),
    }),
  front: (options) => elevenlabsFront(options as ElevenlabsFrontOptions),
  // Tools are configured on the agent in ElevenLabs' console; the initiation carries none.
  configCarriesTools: false,
  frontOptions: {
    inputFormat: { type: "string", values: ELEVENLABS_AUDIO_FORMATS, summary: "the agent's user input format (default pcm_16000)" },
    outputFormat: { type: "string", values: ELEVENLABS_AUDIO_FORMATS, summary: "the agent's output format (default pcm_16000)" },
    pingIntervalMs: { type: "number", summary: "a ping every N ms; a client that has not answered the last one is closed (default 0: none)" },
    requireSignature: { type: "boolean", summary: "a private agent: only signed URLs from get-signed-url are accepted" },
    staleAudioFrames: { type: "number", summary: "fault: N frames of the cut turn's audio arrive after each interruption" },
  },
  // agent_chat_response_part, vad_score, mcp_*, agent_tool_* …: documented, passed through.
  documentedMessages: ELEVENLABS_SERVER_EVENTS,
  authRefusal: {
    kind: "bootstrap",
    statuses: [401],
    source: "a refused xi-api-key is HTTP 401 at the signed-URL call (the REST API's answer to a bad key; the simulator's body shape is voxwire's)",
  },
};
