import {
  type ConnectPlan,
  decodePcm16Append,
  type InboundEvent,
  isBinaryFrame,
  isRecord,
  type PeerCodec,
  type PeerDecoded,
  passthrough,
  passthroughFrame,
  pcm16ToBytes,
  readJsonFrame,
  type WireFrame,
} from "@voxwire/core";
import { readWarningText } from "./errors.js";
import { readAgentConfig, readThink, readVoice } from "./settings.js";
import { wireRole } from "./transcript.js";
import { DeepgramClientMessage, DeepgramErrorCode, type DeepgramMessage, DeepgramServerMessage, DIALECT_NAME } from "./wire.js";

/**
 * The vendor's side of one Deepgram Voice Agent connection (simulators, goldens): agent events
 * become the agent's messages and binary audio, a client's messages become commands (`Settings`
 * and the updates are `session-update`, `InjectUserMessage` is `text-send`, `FunctionCallResponse`
 * is `tool-result`). It remembers what the wire needs: whether the agent is ready yet (its first
 * "listening" is `SettingsApplied`) and has spoken since it last listened (a later "listening" is
 * `AgentAudioDone`, which only follows speech),
 * whether this speech's `UserStartedSpeaking` went out (it is both `speech-started` and the
 * barge-in's `playback-clear`), and the names of open calls (a cancellation repeats them).
 * Speech ends, DTMF, transfers and the end have no message: the close is the end.
 */
export function createDeepgramPeerCodec(plan: ConnectPlan): PeerCodec {
  const userRate = plan.audio.outbound.sampleRate;
  let spoke = false;
  let applied = false;
  let startedSent = false;
  const names = new Map<string, string>();
  let requests = 0;

  /** A frame decoded from `raw` is re-sent as it was, so goldens come back byte for byte. */
  const same = (raw: WireFrame | undefined, type: string): WireFrame | undefined => (isFrameOf(raw, type) ? raw : undefined);
  const json = (raw: WireFrame | undefined, type: string, fields: DeepgramMessage): WireFrame[] => [
    same(raw, type) ?? JSON.stringify({ type, ...fields }),
  ];

  return {
    encode(event: InboundEvent): WireFrame[] {
      switch (event.type) {
        case "session-started":
          requests++;
          return json(event.raw, DeepgramServerMessage.welcome, { request_id: event.ids.request_id ?? `voxwire-request-${requests}` });
        case "audio-chunk":
          return [typeof event.raw !== "string" && event.raw instanceof Uint8Array ? event.raw : pcm16ToBytes(event.audio)];
        case "agent-state":
          if (event.state === "thinking") return json(event.raw, DeepgramServerMessage.agentThinking, { content: "" });
          if (event.state === "speaking") {
            spoke = true;
            return json(event.raw, DeepgramServerMessage.agentStartedSpeaking, { total_latency: 0, tts_latency: 0, ttt_latency: 0 });
          }
          if (event.state !== "listening") return [];
          if (same(event.raw, DeepgramServerMessage.settingsApplied) || (!applied && !spoke && event.raw === undefined)) {
            // The first "listening" is the agent being ready: SettingsApplied.
            applied = true;
            return json(event.raw, DeepgramServerMessage.settingsApplied, {});
          }
          if (spoke || same(event.raw, DeepgramServerMessage.agentAudioDone)) {
            spoke = false;
            return json(event.raw, DeepgramServerMessage.agentAudioDone, {});
          }
          return [];
        case "speech-started":
          startedSent = true;
          return json(event.raw, DeepgramServerMessage.userStartedSpeaking, {});
        case "playback-clear":
          // Already said by this speech's UserStartedSpeaking; a dialect-less barge-in still needs one.
          if (startedSent) {
            startedSent = false;
            return [];
          }
          return json(event.raw, DeepgramServerMessage.userStartedSpeaking, {});
        case "speech-stopped":
          startedSent = false;
          return [];
        case "transcript-end":
          return json(event.raw, DeepgramServerMessage.conversationText, { role: wireRole(event.role), content: event.text });
        case "tool-call":
          names.set(event.callId, event.name);
          return json(event.raw, DeepgramServerMessage.functionCallRequest, {
            functions: [{ id: event.callId, name: event.name, arguments: JSON.stringify(event.arguments ?? {}), client_side: true }],
          });
        case "tool-call-cancelled":
          return json(event.raw, DeepgramServerMessage.functionCallCancelled, {
            functions: event.callIds.map((id) => ({ id, name: names.get(id) ?? "" })),
          });
        case "error":
          return json(event.raw, DeepgramServerMessage.error, {
            description: event.message,
            code: event.error?.vendorCode ?? DeepgramErrorCode.internal,
          });
        case "debug": {
          const { code, description } = readWarningText(event.message);
          return json(event.raw, DeepgramServerMessage.warning, { description, code });
        }
        case "passthrough":
          return [passthroughFrame(event)];
        default:
          // Deepgram sends no deltas (whole statements only), no acceptance, expiry warning or end message.
          return [];
      }
    },
    decode(frame: WireFrame): PeerDecoded[] {
      if (isBinaryFrame(frame)) return [decodePcm16Append(frame, userRate, DIALECT_NAME)];
      const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
      if (!read.ok) return read.events.filter((e) => e.type === "error");
      const { type, message } = read.value;
      switch (type) {
        case DeepgramClientMessage.settings:
          return [{ type: "session-update", agent: readAgentConfig(message.agent) }];
        case DeepgramClientMessage.updatePrompt:
          if (typeof message.prompt === "string") return [{ type: "session-update", agent: { instructions: message.prompt } }];
          break;
        case DeepgramClientMessage.updateThink:
          if (message.think !== undefined) return [{ type: "session-update", agent: readThink(message.think) }];
          break;
        case DeepgramClientMessage.updateSpeak: {
          const voice = readVoice(message.speak);
          if (voice !== undefined) return [{ type: "session-update", agent: { voice } }];
          break;
        }
        case DeepgramClientMessage.injectUserMessage:
          if (typeof message.content === "string" && message.content.length > 0) return [{ type: "text-send", text: message.content }];
          break;
        case DeepgramClientMessage.functionCallResponse:
          if (typeof message.id === "string" && message.id.length > 0) {
            names.delete(message.id);
            return [
              { type: "tool-result", callId: message.id, output: typeof message.content === "string" ? message.content : (message.content ?? null) },
            ];
          }
          break;
      }
      // KeepAlive, InjectAgentMessage, UpdateListen, ForceEndTurn, and malformed updates: kept whole for the front.
      return [passthrough(type, message, frame) as PeerDecoded];
    },
  };
}

/** True when `raw` is a text frame of this message type. */
function isFrameOf(raw: WireFrame | undefined, type: string): raw is string {
  if (typeof raw !== "string") return false;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) && parsed.type === type;
  } catch {
    return false;
  }
}
