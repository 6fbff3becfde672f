import {
  type ConnectPlan,
  decodePcm16Append,
  errorEvent,
  type InboundEvent,
  isBinaryFrame,
  type PeerCodec,
  type PeerDecoded,
  ProtocolError,
  passthrough,
  passthroughFrame,
  pcm16ToBytes,
  readJsonFrame,
  type WireFrame,
} from "@voxwire/core";
import { DIALECT_NAME, dtmfFrame, OMNI_TRANSCRIPT_FINAL, OMNI_TRANSCRIPT_PARTIAL, OmniServerEvent, parseDtmf } from "./wire.js";

/**
 * The vendor's side of one Omni connection (simulators, conformance): agent events become Omni
 * frames, a client's frames become commands. Stateless: the plan only fixes the audio rate.
 * Events Omni has no message for (agent state, errors, the end: those are close codes) encode
 * to nothing.
 */
export function createOmniPeerCodec(plan: ConnectPlan): PeerCodec {
  const sampleRate = plan.audio.outbound.sampleRate;
  return {
    encode(event: InboundEvent): WireFrame[] {
      switch (event.type) {
        case "session-accepted":
          return [json({ type: OmniServerEvent.hello })];
        case "session-started":
          return [json({ type: OmniServerEvent.sessionStarted, ...withoutType({ ...event.metadata, ...event.ids }) })];
        case "audio-chunk":
          return [pcm16ToBytes(event.audio)];
        case "playback-clear":
          return [json({ type: OmniServerEvent.flush })];
        case "dtmf-received":
          return [dtmfFrame(event.digit, event.durationMs)];
        case "transfer-requested":
          return [json({ type: OmniServerEvent.transferToHuman, reason: event.reason, target: event.target })];
        case "session-ending":
          return [json({ type: OmniServerEvent.sessionEnding, reason: event.reason })];
        case "transcript-delta":
          return [json({ type: OMNI_TRANSCRIPT_PARTIAL, role: event.role, text: event.text, delta: event.delta })];
        case "transcript-end":
          return [json({ type: OMNI_TRANSCRIPT_FINAL, role: event.role, text: event.text, final: true })];
        case "passthrough":
          return [passthroughFrame(event)];
        default:
          return [];
      }
    },
    decode(frame: WireFrame): PeerDecoded[] {
      if (isBinaryFrame(frame)) {
        return [decodePcm16Append(frame, sampleRate, DIALECT_NAME)];
      }
      const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
      if (!read.ok) return read.events.filter((e) => e.type === "error");
      const { type, message } = read.value;
      if (type !== OmniServerEvent.dtmf) return [passthrough(type, message, frame) as PeerDecoded];
      const dtmf = parseDtmf(message);
      if (dtmf) return [{ type: "dtmf-send", ...dtmf }];
      return [errorEvent(new ProtocolError("dtmf frame without a valid digit (0-9, *, #, A-D)", { dialect: DIALECT_NAME }), frame)];
    },
  };
}

function withoutType(fields: Record<string, unknown>): Record<string, unknown> {
  const { type: _type, ...rest } = fields;
  return rest;
}

/** JSON text; `undefined` fields drop out. */
function json(value: Record<string, unknown>): string {
  return JSON.stringify(value);
}
