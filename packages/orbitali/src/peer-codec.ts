import {
  AudioDataError,
  type ConnectPlan,
  type ErrorEvent,
  errorEvent,
  type InboundEvent,
  isBinaryFrame,
  type PeerCodec,
  type PeerDecoded,
  ProtocolError,
  passthrough,
  passthroughFrame,
  readJsonFrame,
  type WireFrame,
} from "@voxwire/core";
import { roleToWire } from "./transcript.js";
import { DIALECT_NAME, decodeAudioPayload, encodeAudioPayload, ORBITALI_ENCODING, OrbitaliClientMessage, OrbitaliServerMessage } from "./wire.js";

/**
 * The vendor's side of one Orbitali connection (simulators, conformance): agent events become
 * Orbitali's JSON messages, a client's messages become commands. Stateless: the plan only fixes
 * the rate `input_audio` is read at. Events Orbitali has no message for (acceptance, agent state,
 * deltas, the end: that is the socket's close) encode to nothing.
 */
export function createOrbitaliPeerCodec(plan: ConnectPlan): PeerCodec {
  const inputRate = plan.audio.outbound.sampleRate;
  return {
    encode(event: InboundEvent): WireFrame[] {
      switch (event.type) {
        case "session-started":
          return [JSON.stringify({ ...event.metadata, type: OrbitaliServerMessage.sessionStarted, ...event.ids })];
        case "audio-chunk":
          return [
            JSON.stringify({
              type: OrbitaliServerMessage.outputAudio,
              audio: encodeAudioPayload(event.audio),
              encoding: ORBITALI_ENCODING,
              sampleRate: event.sampleRate,
            }),
          ];
        case "playback-clear":
          return [JSON.stringify({ type: OrbitaliServerMessage.clear })];
        case "transcript-end":
          return [JSON.stringify({ type: OrbitaliServerMessage.transcript, role: roleToWire(event.role), text: event.text })];
        case "passthrough":
          return [passthroughFrame(event)];
        default:
          return [];
      }
    },
    decode(frame: WireFrame): PeerDecoded[] {
      if (isBinaryFrame(frame)) {
        return [
          errorEvent(
            new ProtocolError(`Orbitali takes JSON text only; a binary frame of ${frame.byteLength} bytes was ignored`, { dialect: DIALECT_NAME }),
            frame,
          ),
        ];
      }
      const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
      if (!read.ok) return read.events.filter((e): e is ErrorEvent => e.type === "error");
      const { type, message } = read.value;
      switch (type) {
        case OrbitaliClientMessage.inputAudio: {
          const audio = decodeAudioPayload(message.audio, "input_audio");
          return [audio instanceof AudioDataError ? errorEvent(audio, frame) : { type: "audio-append", audio, sampleRate: inputRate }];
        }
        case OrbitaliClientMessage.stop:
          return [{ type: "session-stop" }];
        default:
          return [passthrough(type, message, frame) as PeerDecoded];
      }
    },
  };
}
