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
import { contentTypeOf } from "./client-codec.js";
import { createPayloadCodec, DIALECT_NAME, PLIVO_INBOUND_TRACK, PlivoCommand, PlivoEvent } from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/**
 * Plivo's side of one stream (the Plivo simulator, conformance). State: the stream's ids (from
 * the `session-started` it encoded) and the numeric `sequenceNumber` and `chunk` counters. A
 * `session-ended` encodes to nothing: Plivo just closes the socket.
 */
export function createPlivoPeerCodec(plan: ConnectPlan): PeerCodec {
  const contentType = contentTypeOf(plan);
  const sampleRate = plan.audio.inbound.sampleRate;
  const payloads = createPayloadCodec(contentType);
  let ids: Record<string, string> = {};
  let extraHeaders = "";
  let sequence = 0;
  let chunk = 0;
  let epochMs = 0;
  let samplesSent = 0;

  const extra = (): Record<string, string> => (extraHeaders ? { extra_headers: extraHeaders } : {});

  function encode(event: InboundEvent): WireFrame[] {
    switch (event.type) {
      case "session-started": {
        ids = { ...event.ids };
        const meta = event.metadata ?? {};
        const params = (meta.customParameters ?? {}) as Record<string, string>;
        extraHeaders = Object.entries(params)
          .map(([k, v]) => `${k}=${v}`)
          .join(";");
        // Plivo's media timestamps are Unix ms; a simulator passes the epoch, a golden counts from 0.
        epochMs = typeof meta.epochMs === "number" ? meta.epochMs : 0;
        const format = (meta.mediaFormat ?? { encoding: contentType, sampleRate }) as Message;
        const start = {
          callId: ids.callId ?? "",
          streamId: ids.streamId ?? "",
          accountId: ids.accountId ?? "",
          tracks: meta.tracks ?? [PLIVO_INBOUND_TRACK],
          mediaFormat: { encoding: format.encoding, sampleRate: format.sampleRate },
        };
        return [JSON.stringify({ event: PlivoEvent.start, sequenceNumber: ++sequence, start, ...extra() })];
      }
      case "audio-chunk": {
        const timestamp = String(epochMs + Math.floor((samplesSent * 1000) / sampleRate));
        samplesSent += event.audio.length;
        const media = { track: PLIVO_INBOUND_TRACK, timestamp, chunk: ++chunk, payload: payloads.encode(event.audio) };
        return [JSON.stringify({ event: PlivoEvent.media, sequenceNumber: ++sequence, streamId: ids.streamId ?? "", media, ...extra() })];
      }
      case "dtmf-received":
        return [JSON.stringify({ event: PlivoEvent.dtmf, streamId: ids.streamId ?? "", dtmf: { digit: event.digit } })];
      case "mark-played":
        return [JSON.stringify({ event: PlivoEvent.playedStream, streamId: ids.streamId ?? "", name: event.name })];
      case "passthrough":
        return [passthroughFrame(event, "event")];
      default:
        return [];
    }
  }

  function decode(frame: WireFrame): PeerDecoded[] {
    const fail = (error: ProtocolError | AudioDataError): PeerDecoded[] => [errorEvent(error, frame)];
    if (typeof frame !== "string")
      return fail(new ProtocolError(`binary frame of ${frame.byteLength} bytes: Plivo accepts only JSON text`, { dialect: DIALECT_NAME }));
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME, typeKey: "event" });
    if (!read.ok) return read.events.filter((e) => e.type === "error") as PeerDecoded[];
    const { type, message } = read.value;
    const named = type === PlivoCommand.checkpoint || type === PlivoCommand.clearAudio;
    if (named && message.streamId !== ids.streamId)
      return fail(new ProtocolError(`${type} without this stream's streamId: Plivo ignores it`, { dialect: DIALECT_NAME }));
    if (type === PlivoCommand.clearAudio) return [{ type: "playback-clear" }];
    if (type === PlivoCommand.checkpoint) {
      if (typeof message.name !== "string" || message.name.length === 0)
        return fail(new ProtocolError("checkpoint without a name", { dialect: DIALECT_NAME }));
      return [{ type: "mark", name: message.name }];
    }
    if (type !== PlivoCommand.playAudio) return [passthrough(type, message, frame) as PeerDecoded];
    const media = (message.media ?? {}) as Message;
    if (media.contentType !== contentType || media.sampleRate !== sampleRate)
      return fail(
        new AudioDataError(
          `playAudio in ${String(media.contentType)} at ${String(media.sampleRate)} Hz on a ${contentType} ${sampleRate} Hz stream`,
          {
            dialect: DIALECT_NAME,
          },
        ),
      );
    if (typeof media.payload !== "string") return fail(new AudioDataError("playAudio without a base64 payload", { dialect: DIALECT_NAME }));
    const audio = payloads.decode(media.payload);
    return audio instanceof AudioDataError ? fail(audio) : [{ type: "audio-append", audio, sampleRate }];
  }

  return { encode, decode };
}
