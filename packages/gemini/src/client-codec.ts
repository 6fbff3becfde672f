import {
  type ConnectPlan,
  closeEvents,
  type DialectCodec,
  decodePcm16Chunk,
  httpError,
  type InboundEvent,
  isBinaryFrame,
  type OutboundEvent,
  passthrough,
  pcm16ToBytes,
  readJsonFrame,
  sessionStartedEvent,
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { GEMINI_CLOSE_RULES, GEMINI_HTTP_RULES } from "./close-rules.js";
import { DIALECT_NAME, GeminiServerEvent } from "./wire.js";

/** The application's side of one Gemini connection: stateless. */
export function createGeminiCodec(plan: ConnectPlan): DialectCodec {
  const sampleRate = plan.audio.inbound.sampleRate;

  function decodeText(frame: string): InboundEvent[] {
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
    if (!read.ok) return read.events;
    const { type, message } = read.value;
    switch (type) {
      case GeminiServerEvent.sessionStarted:
        return [sessionStartedEvent(message, frame)];
      default:
        return [passthrough(type, message, frame)];
    }
  }

  return {
    ready: true,
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append":
          return [pcm16ToBytes(event.audio)];
        default:
          // No message for the rest; a stop is the socket's close.
          return [];
      }
    },
    decode(frame: WireFrame): InboundEvent[] {
      return isBinaryFrame(frame) ? [decodePcm16Chunk(frame, sampleRate, DIALECT_NAME)] : decodeText(frame);
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, DIALECT_NAME, GEMINI_CLOSE_RULES);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT_NAME, GEMINI_HTTP_RULES);
    },
  };
}
