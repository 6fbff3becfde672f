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
import { DIALECT_NAME, GeminiServerEvent } from "./wire.js";

/**
 * The vendor's side of one Gemini connection (simulators, goldens): agent events become
 * frames, a client's frames become commands. Events the wire has no message for encode to nothing.
 */
export function createGeminiPeerCodec(plan: ConnectPlan): PeerCodec {
  const sampleRate = plan.audio.outbound.sampleRate;
  return {
    encode(event: InboundEvent): WireFrame[] {
      switch (event.type) {
        case "session-started":
          return [JSON.stringify({ ...event.metadata, ...event.ids, type: GeminiServerEvent.sessionStarted })];
        case "audio-chunk":
          return [pcm16ToBytes(event.audio)];
        case "passthrough":
          return [passthroughFrame(event)];
        default:
          return [];
      }
    },
    decode(frame: WireFrame): PeerDecoded[] {
      if (isBinaryFrame(frame)) return [decodePcm16Append(frame, sampleRate, DIALECT_NAME)];
      const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
      if (!read.ok) return read.events.filter((e) => e.type === "error");
      return [passthrough(read.value.type, read.value.message, frame) as PeerDecoded];
    },
  };
}
