import {
  type AgentConfig,
  type ConnectPlan,
  closeEvents,
  type DialectCodec,
  decodePcm16Chunk,
  errorEvent,
  httpError,
  type InboundEvent,
  isBinaryFrame,
  type OutboundEvent,
  ProtocolError,
  passthrough,
  pcm16ToBytes,
  readJsonFrame,
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { DEEPGRAM_CLOSE_RULES, DEEPGRAM_HTTP_RULES } from "./close-rules.js";
import { vendorError, warningDebug } from "./errors.js";
import { readCancelledCalls, readFunctionCalls, toolResultContent } from "./functions.js";
import { type DeepgramSettingsOverrides, settingsMessage } from "./settings.js";
import { readConversationText } from "./transcript.js";
import { updateFrames } from "./updates.js";
import { DEEPGRAM_KEEPALIVE_MS, DeepgramClientMessage, DeepgramServerMessage, DIALECT_NAME, KEEPALIVE_FRAME } from "./wire.js";

export interface DeepgramCodecConfig {
  /** The normalized configuration from `connect(…, { agent })`. */
  readonly agent?: AgentConfig | undefined;
  /** The factory's escape hatch, merged over the mapping. */
  readonly settings?: DeepgramSettingsOverrides | undefined;
}

/**
 * The application's side of one Deepgram Voice Agent connection. It holds what the wire needs
 * remembered: whether `SettingsApplied` came (nothing but `Settings` may go out before it), the
 * name of each open function call (a `FunctionCallResponse` must repeat it), and the
 * configuration so far (a mid-session `UpdateThink` replaces the whole think block).
 */
export function createDeepgramCodec(plan: ConnectPlan, config: DeepgramCodecConfig = {}): DialectCodec {
  const outbound = plan.audio.outbound;
  const inbound = plan.audio.inbound;
  const audio = { inputSampleRate: outbound.sampleRate, outputSampleRate: inbound.sampleRate };
  let applied = false;
  /** Open client-side calls: id → function name. */
  const calls = new Map<string, string>();
  let current: AgentConfig = { ...config.agent };

  function decodeText(frame: string): InboundEvent[] {
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
    if (!read.ok) return read.events;
    const { type, message } = read.value;
    switch (type) {
      case DeepgramServerMessage.welcome:
        return [{ type: "session-started", ids: typeof message.request_id === "string" ? { request_id: message.request_id } : {}, raw: frame }];
      case DeepgramServerMessage.settingsApplied:
        // The agent is configured and listens: `listening` is also core's "ready".
        applied = true;
        return [{ type: "agent-state", state: "listening", raw: frame }];
      case DeepgramServerMessage.conversationText:
        return [readConversationText(message, frame) ?? passthrough(type, message, frame)];
      case DeepgramServerMessage.userStartedSpeaking:
        // Deepgram's barge-in cue: the user spoke, so queued agent audio must go.
        return [
          { type: "speech-started", raw: frame },
          { type: "playback-clear", raw: frame },
        ];
      case DeepgramServerMessage.agentThinking:
        return [{ type: "agent-state", state: "thinking", raw: frame }];
      case DeepgramServerMessage.agentStartedSpeaking:
        return [{ type: "agent-state", state: "speaking", raw: frame }];
      case DeepgramServerMessage.agentAudioDone:
        // The server has sent the turn's last audio (it may still be playing here): the agent listens.
        return [{ type: "agent-state", state: "listening", raw: frame }];
      case DeepgramServerMessage.functionCallRequest: {
        const events = readFunctionCalls(message, frame);
        for (const event of events) if (event.type === "tool-call") calls.set(event.callId, event.name);
        return events;
      }
      case DeepgramServerMessage.functionCallCancelled: {
        const event = readCancelledCalls(message, frame);
        if (event.type === "tool-call-cancelled") for (const id of event.callIds) calls.delete(id);
        return [event];
      }
      case DeepgramServerMessage.error:
        return [errorEvent(vendorError(message), frame)];
      case DeepgramServerMessage.warning:
        return [warningDebug(message, frame)];
      default:
        return [passthrough(type, message, frame)];
    }
  }

  return {
    get ready() {
      return applied;
    },
    open: () => [JSON.stringify(settingsMessage(audio, config.agent, config.settings))],
    keepalive: { intervalMs: DEEPGRAM_KEEPALIVE_MS, whileIdleOnly: true, frames: () => [KEEPALIVE_FRAME] },
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append":
          if (event.sampleRate !== outbound.sampleRate) {
            throw new ProtocolError(`audio-append at ${event.sampleRate} Hz, but the session sends ${outbound.sampleRate} Hz`, {
              dialect: DIALECT_NAME,
            });
          }
          return [pcm16ToBytes(event.audio)];
        case "text-send":
          return [JSON.stringify({ type: DeepgramClientMessage.injectUserMessage, content: event.text })];
        case "tool-result": {
          const name = calls.get(event.callId);
          if (name === undefined)
            throw new ProtocolError(`no open FunctionCallRequest has the id ${JSON.stringify(event.callId)}`, { dialect: DIALECT_NAME });
          calls.delete(event.callId);
          const content = toolResultContent(event.output, event.isError === true);
          return [JSON.stringify({ type: DeepgramClientMessage.functionCallResponse, id: event.callId, name, content })];
        }
        case "session-update": {
          const frames = updateFrames(current, event.agent, config.settings);
          current = { ...current, ...event.agent };
          return frames;
        }
        default:
          // A stop is the socket's close; Deepgram has no truncation, marks, DTMF or clear.
          return [];
      }
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (isBinaryFrame(frame)) return [decodePcm16Chunk(frame, inbound.sampleRate, DIALECT_NAME)];
      return decodeText(frame);
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, DIALECT_NAME, DEEPGRAM_CLOSE_RULES);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT_NAME, DEEPGRAM_HTTP_RULES);
    },
  };
}
