import {
  type ConnectPlan,
  decodePcm16Append,
  type InboundEvent,
  isBinaryFrame,
  type PeerCodec,
  type PeerDecoded,
  passthrough,
  pcm16ToBytes,
  readJsonFrame,
  type WireFrame,
} from "@voxwire/core";
import { DIALECT_NAME, TOKEN_FRAME_NAME, TokenFirstServerEvent } from "./wire.js";

/**
 * The vendor's side of one token-first connection (simulators, conformance). Agent events become
 * the token-first guide's frames: `session-started` → `connected`, `agent-state: listening` →
 * `agent_ready`, `session-ended` → `session_ended{reason}`, `error` → `error{code,message}`, audio → binary.
 * The wire has no message for the rest (transcripts, barge-in, other states), which encode to
 * nothing. A client's `{"token": …}` decodes to a pass-through named `token`; binary frames to
 * `audio-append`. Stateless: whether the token came first is the simulator front's business.
 */
export function createTokenFirstPeerCodec(plan: ConnectPlan): PeerCodec {
  const sampleRate = plan.audio.outbound.sampleRate;
  return {
    encode(event: InboundEvent): WireFrame[] {
      switch (event.type) {
        case "session-started":
          return [JSON.stringify({ type: TokenFirstServerEvent.connected, ...event.metadata, ...event.ids })];
        case "agent-state":
          return event.state === "listening" ? [JSON.stringify({ type: TokenFirstServerEvent.agentReady })] : [];
        case "audio-chunk":
          return [pcm16ToBytes(event.audio)];
        case "session-ended":
          return [JSON.stringify({ type: TokenFirstServerEvent.sessionEnded, reason: event.reason })];
        case "error":
          return [JSON.stringify({ type: TokenFirstServerEvent.error, code: event.error?.vendorCode ?? event.code, message: event.message })];
        case "passthrough":
          return [event.raw ?? JSON.stringify({ type: event.name, ...asObject(event.payload) })];
        default:
          return [];
      }
    },
    decode(frame: WireFrame): PeerDecoded[] {
      if (isBinaryFrame(frame)) {
        return [decodePcm16Append(frame, sampleRate, DIALECT_NAME)];
      }
      // The token frame is the one message without a `type`: read it by its `token` field.
      const asToken = readJsonFrame(frame, { dialect: DIALECT_NAME, typeKey: "token" });
      if (asToken.ok && !("type" in asToken.value.message)) {
        return [passthrough(TOKEN_FRAME_NAME, asToken.value.message, frame) as PeerDecoded];
      }
      const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
      if (!read.ok) return read.events as PeerDecoded[];
      return [passthrough(read.value.type, read.value.message, frame) as PeerDecoded];
    },
  };
}

function asObject(payload: unknown): Record<string, unknown> {
  return payload !== null && typeof payload === "object" && !Array.isArray(payload) ? (payload as Record<string, unknown>) : { payload };
}
