import {
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
  sessionStartedEvent,
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { OMNI_CLOSE_RULES, OMNI_HTTP_RULES } from "./close-rules.js";
import { isTranscriptType, TranscriptAccumulator } from "./transcript.js";
import { dtmfFrame, OmniServerEvent, parseDtmf } from "./wire.js";

const DIALECT = "omni";
type Message = Readonly<Record<string, unknown>>;

/**
 * The application's side of one Omni connection. Its only state is the transcript accumulator
 * (a partial may carry just a delta or just the text so far).
 */
export function createOmniCodec(plan: ConnectPlan): DialectCodec {
  const sampleRate = plan.audio.inbound.sampleRate;
  const transcripts = new TranscriptAccumulator();

  function decodeText(frame: string): InboundEvent[] {
    const read = readJsonFrame(frame, { dialect: DIALECT });
    if (!read.ok) return read.events;
    const { type, message } = read.value;
    switch (type) {
      case OmniServerEvent.hello:
        return [{ type: "session-accepted", raw: frame }];
      case OmniServerEvent.sessionStarted:
        return [sessionStartedEvent(message, frame)];
      case OmniServerEvent.flush:
        return [{ type: "playback-clear", raw: frame }];
      case OmniServerEvent.dtmf:
        return dtmfReceived(message, frame);
      case OmniServerEvent.transferToHuman:
        return [
          withOptional(
            { type: "transfer-requested", raw: frame },
            { reason: str(message, "reason"), target: str(message, "target", "destination", "to") },
          ),
        ];
      case OmniServerEvent.sessionEnding:
        return [withOptional({ type: "session-ending", raw: frame }, { reason: str(message, "reason") })];
      default: {
        const whole = passthrough(type, message, frame);
        const mapped = isTranscriptType(type) ? transcripts.map(type, message, frame) : undefined;
        return mapped ? [mapped, whole] : [whole];
      }
    }
  }

  return {
    ready: true,
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append":
          return [pcm16ToBytes(event.audio)];
        case "dtmf-send":
          return [dtmfFrame(event.digit, event.durationMs)];
        default:
          // No Omni message for playback-clear, mark or stop: a stop is the socket's close.
          return [];
      }
    },
    decode(frame: WireFrame): InboundEvent[] {
      return isBinaryFrame(frame) ? [decodePcm16Chunk(frame, sampleRate, DIALECT)] : decodeText(frame);
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, DIALECT, OMNI_CLOSE_RULES);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT, OMNI_HTTP_RULES);
    },
  };
}

function dtmfReceived(message: Message, raw: string): InboundEvent[] {
  const dtmf = parseDtmf(message);
  if (dtmf) return [{ type: "dtmf-received", ...dtmf, raw }];
  const error = new ProtocolError("dtmf message without a valid digit (0-9, *, #, A-D); passed through", { dialect: DIALECT });
  return [errorEvent(error, raw), passthrough(OmniServerEvent.dtmf, message, raw)];
}

function str(message: Message, ...fields: string[]): string | undefined {
  for (const field of fields) {
    const value = message[field];
    if (typeof value === "string") return value;
  }
  return undefined;
}

/** Adds the fields that are defined, so events carry no `key: undefined`. */
function withOptional<T extends InboundEvent>(event: T, fields: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...event };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out as T;
}
