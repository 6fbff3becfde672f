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
import { createPayloadCodec, DIALECT_NAME, EXOTEL_CHUNK_MULTIPLE, EXOTEL_MAX_CHUNK, EXOTEL_MIN_CHUNK, ExotelCommand, ExotelEvent } from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/**
 * Exotel's side of one stream (the Exotel simulator, conformance): snake_case Twilio-shaped
 * messages with string counters. Media sent back that breaks Exotel's chunk rules (not a multiple
 * of 320 bytes, under 3.2 KB, over 100 KB) is reported: Exotel plays it with gaps.
 */
export function createExotelPeerCodec(plan: ConnectPlan): PeerCodec {
  const sampleRate = plan.audio.inbound.sampleRate;
  const payloads = createPayloadCodec();
  let ids: Record<string, string> = {};
  let sequence = 0;
  let chunk = 0;
  let samplesSent = 0;

  const tagged = (event: string, body: Record<string, unknown>): string =>
    JSON.stringify({ event, sequence_number: String(++sequence), stream_sid: ids.streamId ?? "", ...body });

  function encode(event: InboundEvent): WireFrame[] {
    switch (event.type) {
      case "session-accepted":
        return [JSON.stringify({ event: ExotelEvent.connected })];
      case "session-started": {
        ids = { ...event.ids };
        const meta = event.metadata ?? {};
        const format = (meta.mediaFormat ?? {}) as Message;
        const start: Record<string, unknown> = { stream_sid: ids.streamId ?? "", call_sid: ids.callId ?? "", account_sid: ids.accountId ?? "" };
        for (const key of ["from", "to"]) if (typeof meta[key] === "string") start[key] = meta[key];
        start.custom_parameters = meta.customParameters ?? {};
        start.media_format = {
          encoding: format.encoding ?? "audio/x-raw",
          sample_rate: String(format.sampleRate ?? sampleRate),
          bit_rate: String(format.bitRate ?? 16),
        };
        return [tagged(ExotelEvent.start, { start })];
      }
      case "audio-chunk": {
        const timestamp = Math.floor((samplesSent * 1000) / sampleRate);
        samplesSent += event.audio.length;
        return [
          tagged(ExotelEvent.media, { media: { chunk: String(++chunk), timestamp: String(timestamp), payload: payloads.encode(event.audio) } }),
        ];
      }
      case "dtmf-received":
        return [tagged(ExotelEvent.dtmf, { dtmf: { digit: event.digit, duration: "100" } })];
      case "mark-played":
        return [tagged(ExotelEvent.mark, { mark: { name: event.name } })];
      case "session-ended":
        return [tagged(ExotelEvent.stop, { stop: { call_sid: ids.callId ?? "", account_sid: ids.accountId ?? "", reason: "callended" } })];
      case "passthrough":
        return [passthroughFrame(event, "event")];
      default:
        return [];
    }
  }

  function decode(frame: WireFrame): PeerDecoded[] {
    const fail = (error: ProtocolError | AudioDataError): PeerDecoded[] => [errorEvent(error, frame)];
    if (typeof frame !== "string")
      return fail(new ProtocolError(`binary frame of ${frame.byteLength} bytes: Exotel accepts only JSON text`, { dialect: DIALECT_NAME }));
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME, typeKey: "event" });
    if (!read.ok) return read.events.filter((e) => e.type === "error") as PeerDecoded[];
    const { type, message } = read.value;
    const known = type === ExotelCommand.media || type === ExotelCommand.mark || type === ExotelCommand.clear;
    if (!known) return [passthrough(type, message, frame) as PeerDecoded];
    if (!ids.streamId || message.stream_sid !== ids.streamId)
      return fail(new ProtocolError(`${type} without this stream's stream_sid`, { dialect: DIALECT_NAME }));
    if (type === ExotelCommand.clear) return [{ type: "playback-clear" }];
    if (type === ExotelCommand.mark) {
      const name = (message.mark as Message | undefined)?.name;
      return typeof name === "string" && name.length > 0
        ? [{ type: "mark", name }]
        : fail(new ProtocolError("mark without a name", { dialect: DIALECT_NAME }));
    }
    const payload = (message.media as Message | undefined)?.payload;
    if (typeof payload !== "string") return fail(new AudioDataError("media without a base64 payload", { dialect: DIALECT_NAME }));
    const audio = payloads.decode(payload);
    if (audio instanceof AudioDataError) return fail(audio);
    const bytes = audio.length * 2;
    if (bytes % EXOTEL_CHUNK_MULTIPLE !== 0 || bytes < EXOTEL_MIN_CHUNK || bytes > EXOTEL_MAX_CHUNK)
      return fail(new AudioDataError(`a ${bytes}-byte chunk: Exotel wants multiples of 320 bytes from 3.2 KB to 100 KB`, { dialect: DIALECT_NAME }));
    return [{ type: "audio-append", audio, sampleRate }];
  }

  return { encode, decode };
}
