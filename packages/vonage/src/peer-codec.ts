import {
  type ConnectPlan,
  errorEvent,
  type InboundEvent,
  type PeerCodec,
  type PeerDecoded,
  ProtocolError,
  passthrough,
  passthroughFrame,
  readJsonFrame,
  type WireFrame,
} from "@voxwire/core";
import {
  contentType,
  DIALECT_NAME,
  pcmBytes,
  pcmSamples,
  VONAGE_CALL_HEADER,
  VONAGE_CONVERSATION_HEADER,
  VonageAction,
  VonageEvent,
} from "./wire.js";

/**
 * Vonage's side of one WebSocket (the Vonage simulator, conformance): `websocket:connected` with
 * the stream's headers, BINARY L16 audio, `websocket:dtmf`, and `websocket:notify` with the
 * payload of the `notify` it answers. A `session-ended` encodes to nothing: Vonage closes the socket.
 */
export function createVonagePeerCodec(plan: ConnectPlan): PeerCodec {
  const sampleRate = plan.audio.inbound.sampleRate;

  function encode(event: InboundEvent): WireFrame[] {
    switch (event.type) {
      case "session-started": {
        const meta = event.metadata ?? {};
        const headers = { ...((meta.customParameters ?? {}) as Record<string, string>) };
        if (event.ids.callId) headers[VONAGE_CALL_HEADER] = event.ids.callId;
        if (event.ids.streamId) headers[VONAGE_CONVERSATION_HEADER] = event.ids.streamId;
        const type = typeof meta.contentType === "string" ? meta.contentType : contentType(sampleRate);
        return [JSON.stringify({ event: VonageEvent.connected, "content-type": type, ...headers })];
      }
      case "audio-chunk":
        return [pcmBytes(event.audio)];
      case "dtmf-received":
        return [JSON.stringify({ event: VonageEvent.dtmf, digit: event.digit, duration: 260 })];
      case "mark-played":
        return [JSON.stringify({ event: VonageEvent.notify, payload: { name: event.name } })];
      case "passthrough":
        return [passthroughFrame(event, "event")];
      default:
        return [];
    }
  }

  function decode(frame: WireFrame): PeerDecoded[] {
    if (typeof frame !== "string") {
      if (frame.byteLength % 2 !== 0)
        return [errorEvent(new ProtocolError(`an L16 frame of ${frame.byteLength} bytes`, { dialect: DIALECT_NAME }), frame)];
      return [{ type: "audio-append", audio: pcmSamples(frame), sampleRate }];
    }
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME, typeKey: "action" });
    if (!read.ok) return read.events.filter((e) => e.type === "error") as PeerDecoded[];
    const { type, message } = read.value;
    if (type === VonageAction.clear) return [{ type: "playback-clear" }];
    if (type === VonageAction.notify) {
      const name = (message.payload as Record<string, unknown> | undefined)?.name;
      return typeof name === "string" && name.length > 0
        ? [{ type: "mark", name }]
        : [errorEvent(new ProtocolError("notify without the payload name this leg sends", { dialect: DIALECT_NAME }), frame)];
    }
    return [passthrough(type, message, frame) as PeerDecoded];
  }

  return { encode, decode };
}
