import {
  agentStateValues,
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
  quotePeer,
  readJsonFrame,
  redact,
  sessionStartedEvent,
  TranscriptAccumulator,
  VendorError,
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { MAX_QUOTED_CHARS, OMNIA_CLOSE_RULES, OMNIA_HTTP_RULES } from "./close-rules.js";
import { readTranscriptFields } from "./transcript.js";
import { HANG_UP_FRAME, toolInvocationEvents, toolResultFrame, userTextFrame } from "./ultravox-messages.js";
import { CallServerMessage, type PresetCapabilities, UltravoxMessage } from "./wire.js";

/** What a preset adds to the wire (Ultravox's data messages); none for Omnia. */
export interface CodecExtras {
  readonly capabilities?: PresetCapabilities;
  readonly hangUp?: boolean;
}

/** The Omnia Voice guide's client prints this when an `error` message has no `message`. */
const UNKNOWN_ERROR = "Unknown error";

/**
 * The application's side of one call-create connection: binary PCM16 both ways at the created
 * rates, JSON messages as text. Its only state is the per-role transcript text, because a
 * `transcript` may carry just a `delta` (see transcript.ts for the exact rules). It keeps
 * no agent state (every `state` message becomes an event, even a repeat) and no call id.
 * With a preset's extras it also speaks Ultravox's tool, text and hang-up messages
 * (ultravox-messages.ts); without them those pass through, or are not sent.
 */
export function createOmniaCodec(plan: ConnectPlan, dialect: string, extras: CodecExtras = {}): DialectCodec {
  const tools = extras.capabilities?.toolCalls === true;
  const text = extras.capabilities?.textInput === true;
  const sampleRate = plan.audio.inbound.sampleRate;
  const transcripts = new TranscriptAccumulator();
  const secrets = plan.secrets;

  function decodeText(frame: string): InboundEvent[] {
    const read = readJsonFrame(frame, { dialect });
    if (!read.ok) return read.events;
    const { type, message } = read.value;
    switch (type) {
      case CallServerMessage.playbackClearBuffer:
        return [{ type: "playback-clear", raw: frame }];
      case CallServerMessage.state: {
        const state = agentStateValues.find((s) => s === message.state);
        // An unknown state is news, not an error: kept whole.
        return [state ? { type: "agent-state", state, raw: frame } : passthrough(type, message, frame)];
      }
      case CallServerMessage.transcript: {
        const fields = readTranscriptFields(message);
        if (fields) return [transcripts.apply(fields, frame)];
        const why = new ProtocolError('transcript without a "role" of "user" or "agent"; passed through', { dialect });
        return [errorEvent(why, frame), passthrough(type, message, frame)];
      }
      case CallServerMessage.callStarted:
        return [sessionStartedEvent(message, frame)];
      case CallServerMessage.error: {
        const said = typeof message.message === "string" ? message.message : UNKNOWN_ERROR;
        const vendorCode = typeof message.code === "string" ? message.code : undefined;
        const error = new VendorError(
          `the agent reported an error${quotePeer(redact(said, secrets), { max: MAX_QUOTED_CHARS, lead: ": ", end: "" })}`,
          {
            dialect,
            ...(vendorCode ? { vendorCode } : {}),
          },
        );
        return [errorEvent(error, frame)];
      }
      case CallServerMessage.debug:
        return [{ type: "debug", message: textOf(message.message), raw: frame }];
      case UltravoxMessage.clientToolInvocation:
        if (tools) return toolInvocationEvents(message, frame, dialect);
        return [passthrough(type, message, frame)];
      default:
        // Ultravox's pong, and anything newer.
        return [passthrough(type, message, frame)];
    }
  }

  return {
    ready: true,
    encode(event: OutboundEvent): WireFrame[] {
      // Audio, and where the preset has them tools, text and hang_up; otherwise a stop is the socket's close.
      switch (event.type) {
        case "audio-append":
          return [pcm16ToBytes(event.audio)];
        case "tool-result":
          return tools ? [toolResultFrame(event.callId, event.output, event.isError)] : [];
        case "text-send":
          return text ? [userTextFrame(event.text)] : [];
        case "session-stop":
          return extras.hangUp === true ? [HANG_UP_FRAME] : [];
        default:
          return [];
      }
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (!isBinaryFrame(frame)) return decodeText(frame);
      return [decodePcm16Chunk(frame, sampleRate, dialect)];
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, dialect, OMNIA_CLOSE_RULES);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, dialect, OMNIA_HTTP_RULES);
    },
  };
}

/** A debug payload as text: strings as they are, anything else as JSON ("" when absent). */
function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "";
  return JSON.stringify(value) ?? String(value);
}
