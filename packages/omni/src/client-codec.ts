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
  str,
  TranscriptAccumulator,
  type VoxwireError,
  type WireFrame,
  withOptional,
} from "@voxwire/core";
import { OMNI_CLOSE_RULES, OMNI_HTTP_RULES } from "./close-rules.js";
import { isTranscriptType, readTranscriptFields } from "./transcript.js";
import { DIALECT_NAME, dtmfFrame, OmniServerEvent, parseDtmf } from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/**
 * The application's side of one Omni connection. Its only state is the transcript accumulator
 * (a partial may carry just a delta or just the text so far).
 */
export function createOmniCodec(plan: ConnectPlan): DialectCodec {
  const sampleRate = plan.audio.inbound.sampleRate;
  const transcripts = new TranscriptAccumulator();

  function decodeText(frame: string): InboundEvent[] {
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
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
        const fields = isTranscriptType(type) ? readTranscriptFields(type, message) : undefined;
        const mapped = fields ? transcripts.apply(fields, frame) : undefined;
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
      return isBinaryFrame(frame) ? [decodePcm16Chunk(frame, sampleRate, DIALECT_NAME)] : decodeText(frame);
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, DIALECT_NAME, OMNI_CLOSE_RULES);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT_NAME, OMNI_HTTP_RULES);
    },
  };
}

function dtmfReceived(message: Message, raw: string): InboundEvent[] {
  const dtmf = parseDtmf(message);
  if (dtmf) return [{ type: "dtmf-received", ...dtmf, raw }];
  const error = new ProtocolError("dtmf message without a valid digit (0-9, *, #, A-D); passed through", { dialect: DIALECT_NAME });
  return [errorEvent(error, raw), passthrough(OmniServerEvent.dtmf, message, raw)];
}
