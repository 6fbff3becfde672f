import {
  type ConnectPlan,
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
import { decodeAudio, encodeAudio } from "./audio-payload.js";
import { EchoJsonMessage } from "./wire.js";

const DIALECT = "echo-json";

/**
 * The vendor's side of one Echo JSON connection (the simulator, the golden mirror checks): agent
 * events become Echo JSON messages, a client's `audio` becomes `audio-append`. Events the wire has
 * no message for (the agent's state, a transcript's partial, the end: that is the close) encode to nothing.
 */
export function createEchoJsonPeerCodec(plan: ConnectPlan): PeerCodec {
  const sampleRate = plan.audio.outbound.sampleRate;
  return {
    encode(event: InboundEvent): WireFrame[] {
      switch (event.type) {
        case "session-started":
          return [JSON.stringify({ type: EchoJsonMessage.ready, ...event.ids })];
        case "audio-chunk":
          return [JSON.stringify({ type: EchoJsonMessage.audio, audio: encodeAudio(event.audio) })];
        case "playback-clear":
          return [JSON.stringify({ type: EchoJsonMessage.clear })];
        case "transcript-end":
          return [JSON.stringify({ type: EchoJsonMessage.transcript, role: event.role, text: event.text })];
        case "passthrough":
          return [passthroughFrame(event)];
        default:
          return [];
      }
    },
    decode(frame: WireFrame): PeerDecoded[] {
      if (isBinaryFrame(frame)) {
        return [errorEvent(new ProtocolError(`a binary frame of ${frame.byteLength} bytes; Echo JSON is text only`, { dialect: DIALECT }), frame)];
      }
      const read = readJsonFrame(frame, { dialect: DIALECT });
      if (!read.ok) return read.events.filter((e) => e.type === "error");
      const { type, message } = read.value;
      if (type !== EchoJsonMessage.audio) return [passthrough(type, message, frame) as PeerDecoded];
      const audio = decodeAudio(message.audio, DIALECT);
      return [audio instanceof Int16Array ? { type: "audio-append", audio, sampleRate } : errorEvent(audio, frame)];
    },
  };
}
