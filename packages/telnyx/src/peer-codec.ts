import {
  AudioDataError,
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
import { codecOf } from "./client-codec.js";
import { createPayloadCodec, DIALECT_NAME, TELNYX_INBOUND_TRACK, TELNYX_PROTOCOL, TelnyxCommand, TelnyxEvent } from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/**
 * Telnyx's side of one stream (the Telnyx simulator, conformance): caller events become Telnyx
 * messages, the application's messages become commands. State: the stream's ids (from the
 * `session-started` it encoded) and the string `sequence_number`, `chunk` and `timestamp` counters.
 */
export function createTelnyxPeerCodec(plan: ConnectPlan): PeerCodec {
  const codec = codecOf(plan);
  const sampleRate = plan.audio.inbound.sampleRate;
  const payloads = createPayloadCodec(codec);
  let ids: Record<string, string> = {};
  let sequence = 0;
  let chunk = 0;
  let samplesSent = 0;

  const tagged = (event: string, body: Record<string, unknown>): string =>
    JSON.stringify({ event, sequence_number: String(++sequence), stream_id: ids.streamId ?? "", ...body });

  function encode(event: InboundEvent): WireFrame[] {
    switch (event.type) {
      case "session-accepted":
        return [JSON.stringify({ event: TelnyxEvent.connected, ...TELNYX_PROTOCOL })];
      case "session-started": {
        ids = { ...event.ids };
        const meta = event.metadata ?? {};
        const start: Record<string, unknown> = { user_id: ids.accountId ?? "", call_control_id: ids.callId ?? "" };
        if (ids.callSessionId) start.call_session_id = ids.callSessionId;
        for (const key of ["from", "to", "client_state"]) if (typeof meta[key] === "string") start[key] = meta[key];
        start.custom_parameters = meta.customParameters ?? {};
        start.media_format = meta.mediaFormat ?? { encoding: codec, sample_rate: sampleRate, channels: 1 };
        if (meta.mediaFormat && typeof meta.mediaFormat === "object") {
          const f = meta.mediaFormat as Message;
          start.media_format = { encoding: f.encoding, sample_rate: f.sampleRate, channels: f.channels };
        }
        return [tagged(TelnyxEvent.start, { start })];
      }
      case "audio-chunk": {
        const timestamp = Math.floor((samplesSent * 1000) / sampleRate);
        samplesSent += event.audio.length;
        const media = { track: TELNYX_INBOUND_TRACK, chunk: String(++chunk), timestamp: String(timestamp), payload: payloads.encode(event.audio) };
        return [tagged(TelnyxEvent.media, { media })];
      }
      case "dtmf-received":
        return [tagged(TelnyxEvent.dtmf, { dtmf: { digit: event.digit } })];
      case "mark-played":
        return [tagged(TelnyxEvent.mark, { mark: { name: event.name } })];
      case "session-ended":
        return [tagged(TelnyxEvent.stop, { stop: { user_id: ids.accountId ?? "", call_control_id: ids.callId ?? "" } })];
      case "passthrough":
        return [passthroughFrame(event, "event")];
      default:
        return [];
    }
  }

  function decode(frame: WireFrame): PeerDecoded[] {
    const fail = (error: ProtocolError | AudioDataError): PeerDecoded[] => [errorEvent(error, frame)];
    if (typeof frame !== "string")
      return fail(new ProtocolError(`binary frame of ${frame.byteLength} bytes: Telnyx accepts only JSON text`, { dialect: DIALECT_NAME }));
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME, typeKey: "event" });
    if (!read.ok) return read.events.filter((e) => e.type === "error") as PeerDecoded[];
    const { type, message } = read.value;
    if (type === TelnyxCommand.clear) return [{ type: "playback-clear" }];
    if (type === TelnyxCommand.mark) {
      const name = (message.mark as Message | undefined)?.name;
      if (typeof name !== "string" || name.length === 0) return fail(new ProtocolError("mark without a name", { dialect: DIALECT_NAME }));
      return [{ type: "mark", name }];
    }
    if (type !== TelnyxCommand.media) return [passthrough(type, message, frame) as PeerDecoded];
    const payload = (message.media as Message | undefined)?.payload;
    if (typeof payload !== "string") return fail(new AudioDataError("media without a base64 payload", { dialect: DIALECT_NAME }));
    const audio = payloads.decode(payload);
    return audio instanceof AudioDataError ? fail(audio) : [{ type: "audio-append", audio, sampleRate }];
  }

  return { encode, decode };
}
