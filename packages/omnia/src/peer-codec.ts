import {
  type ConnectPlan,
  decodePcm16Append,
  type InboundEvent,
  isBinaryFrame,
  type PeerCodec,
  type PeerDecoded,
  passthrough,
  passthroughFrame,
  pcm16ToBytes,
  readJsonFrame,
  type WireFrame,
} from "@voxwire/core";
import type { CodecExtras } from "./client-codec.js";
import { readUltravoxClientMessage, toolInvocationFrame } from "./ultravox-messages.js";
import { CallServerMessage, ULTRAVOX_HANG_UP } from "./wire.js";

/** The vendor side's extras: the preset's messages, and Ultravox's transcript fields. */
export interface PeerExtras extends CodecExtras {
  /**
   * Transcripts carry Ultravox's `medium: "voice"` and `ordinal` (one number per utterance, from
   * 0 in the call, shared by its deltas and its final), as Ultravox documents them.
   */
  readonly ordinals?: boolean;
}

/**
 * The vendor's side of one call-create connection (simulators, conformance). Stateless: the plan
 * fixes the rate of the audio the client sends. Agent events become this wire's frames:
 *   - a transcript delta goes out as one `transcript{delta, final:false}` per word (the way the
 *     agent's speech is streamed), a transcript end as `transcript{text, final:true}` carrying
 *     the whole turn, which a client that missed a delta still gets right;
 *   - the session's start as `call_started{callId}`; state, barge-in, debug and errors as their
 *     messages; a pass-through as the frame it came from.
 * The wire has no message for the rest (acceptance and the end are the socket's open and close).
 * With a preset's extras, a tool call goes out as `client_tool_invocation`, and the client's
 * `client_tool_result` and `user_text_message` come back as `tool-result` and `text-send`.
 * Its one piece of state is the open utterance's ordinal per role, with `ordinals`.
 */
export function createOmniaPeerCodec(plan: ConnectPlan, dialect: string, extras: PeerExtras = {}): PeerCodec {
  const sampleRate = plan.audio.outbound.sampleRate;
  const tools = extras.capabilities?.toolCalls === true;
  const text = extras.capabilities?.textInput === true;
  const open = new Map<string, number>();
  let nextOrdinal = 0;
  /** `medium` and `ordinal` for a role's transcript message; `final` ends its utterance. */
  const utterance = (role: string, final: boolean): Record<string, unknown> => {
    if (!extras.ordinals) return {};
    const ordinal = open.get(role) ?? nextOrdinal++;
    if (final) open.delete(role);
    else open.set(role, ordinal);
    return { medium: "voice", ordinal };
  };
  return {
    encode(event: InboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-chunk":
          return [pcm16ToBytes(event.audio)];
        case "session-started":
          return [json({ ...event.metadata, ...event.ids, type: CallServerMessage.callStarted })];
        case "agent-state":
          return [json({ type: CallServerMessage.state, state: event.state })];
        case "playback-clear":
          return [json({ type: CallServerMessage.playbackClearBuffer })];
        case "transcript-delta":
          return words(event.delta).map((delta) =>
            json({ type: CallServerMessage.transcript, role: event.role, ...utterance(event.role, false), delta, final: false }),
          );
        case "transcript-end":
          return [json({ type: CallServerMessage.transcript, role: event.role, ...utterance(event.role, true), text: event.text, final: true })];
        case "tool-call":
          return tools ? [toolInvocationFrame(event.callId, event.name, event.arguments)] : [];
        case "debug":
          return [json({ type: CallServerMessage.debug, message: event.message })];
        case "error":
          return [json({ type: CallServerMessage.error, message: event.message })];
        case "passthrough":
          return [passthroughFrame(event)];
        default:
          return [];
      }
    },
    decode(frame: WireFrame): PeerDecoded[] {
      if (isBinaryFrame(frame)) {
        return [decodePcm16Append(frame, sampleRate, dialect)];
      }
      const read = readJsonFrame(frame, { dialect });
      if (!read.ok) return read.events.flatMap((e) => (e.type === "error" ? [e] : []));
      const { type, message } = read.value;
      if (type === ULTRAVOX_HANG_UP) {
        return [
          typeof message.message === "string" && message.message ? { type: "session-stop", reason: message.message } : { type: "session-stop" },
        ];
      }
      const command = tools || text ? readUltravoxClientMessage(type, message) : undefined;
      if (command && (command.type === "tool-result" ? tools : text)) return [command];
      return [passthrough(type, message, frame) as PeerDecoded];
    },
  };
}

/** Splits text into words, each keeping the spaces after it, so the pieces join back exactly. */
export function words(text: string): string[] {
  return text.match(/\s*\S+\s*|\s+/g) ?? [];
}

function json(value: Record<string, unknown>): string {
  return JSON.stringify(value);
}
