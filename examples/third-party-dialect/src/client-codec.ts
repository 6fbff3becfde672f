import {
  type ConnectPlan,
  closeEvents,
  type DialectCodec,
  errorEvent,
  httpError,
  type InboundEvent,
  isBinaryFrame,
  type OutboundEvent,
  ProtocolError,
  passthrough,
  readJsonFrame,
  sessionStartedEvent,
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { decodeAudio, encodeAudio } from "./audio-payload.js";
import { EchoJsonMessage, type EchoJsonRole } from "./wire.js";

const DIALECT = "echo-json";

/**
 * The application's side of one Echo JSON connection. Stateless: every message stands alone
 * (transcripts are whole turns). Close codes and HTTP refusals need no rules of their own: the
 * wire's 4401 and 4429 are the conventional ones core's `closeEvents` already knows.
 */
export function createEchoJsonCodec(plan: ConnectPlan): DialectCodec {
  const sampleRate = plan.audio.inbound.sampleRate;

  function decodeText(frame: string): InboundEvent[] {
    const read = readJsonFrame(frame, { dialect: DIALECT });
    if (!read.ok) return read.events;
    const { type, message } = read.value;
    switch (type) {
      case EchoJsonMessage.ready:
        return [sessionStartedEvent(message, frame)];
      case EchoJsonMessage.audio: {
        const audio = decodeAudio(message.audio, DIALECT);
        return [audio instanceof Int16Array ? { type: "audio-chunk", audio, sampleRate, raw: frame } : errorEvent(audio, frame)];
      }
      case EchoJsonMessage.clear:
        return [{ type: "playback-clear", raw: frame }];
      case EchoJsonMessage.transcript: {
        const { role, text } = message;
        // A role or text the event model cannot hold is kept whole, not guessed at.
        return isRole(role) && typeof text === "string" ? [{ type: "transcript-end", role, text, raw: frame }] : [passthrough(type, message, frame)];
      }
      default:
        return [passthrough(type, message, frame)];
    }
  }

  return {
    ready: true,
    encode(event: OutboundEvent): WireFrame[] {
      // Audio is the only thing a client sends; the wire has no clear, mark, DTMF or stop message
      // (a stop is the socket's close).
      return event.type === "audio-append" ? [JSON.stringify({ type: EchoJsonMessage.audio, audio: encodeAudio(event.audio) })] : [];
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (isBinaryFrame(frame)) {
        const error = new ProtocolError(`Echo JSON sends text frames only; a binary frame of ${frame.byteLength} bytes was ignored`, {
          dialect: DIALECT,
        });
        return [errorEvent(error, frame)];
      }
      return decodeText(frame);
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, DIALECT);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT);
    },
  };
}

export function isRole(value: unknown): value is EchoJsonRole {
  return value === "user" || value === "agent";
}
