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
import {
  DIALECT_NAME,
  decodeMediaPayload,
  encodeMediaPayload,
  MULAW_BYTES_PER_MS,
  TWILIO_DTMF_TRACK,
  TWILIO_INBOUND_TRACK,
  TWILIO_MEDIA_FORMAT,
  TWILIO_PROTOCOL,
  TWILIO_SAMPLE_RATE,
  TwilioCommand,
  TwilioEvent,
} from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/**
 * Twilio's side of one stream (the Twilio simulator, conformance): caller events become Twilio
 * messages, an application's messages become commands. State, and why: the stream's ids (from
 * the `session-started` it encoded) to tag messages and to recognise the application's; the
 * `sequenceNumber`, `media.chunk` and `media.timestamp` counters, which Twilio sends as strings.
 * A message from the application without this stream's `streamSid` decodes to an error: Twilio
 * drops it silently, the simulator reports it.
 */
export function createTwilioPeerCodec(_plan: ConnectPlan): PeerCodec {
  let ids = { streamSid: "", callSid: "", accountSid: "" };
  let sequence = 0;
  let chunk = 0;
  let samplesSent = 0;

  const tagged = (event: string, body: Record<string, unknown>): string =>
    JSON.stringify({ event, sequenceNumber: String(++sequence), streamSid: ids.streamSid, ...body });

  function encode(event: InboundEvent): WireFrame[] {
    switch (event.type) {
      case "session-accepted":
        return [JSON.stringify({ event: TwilioEvent.connected, ...TWILIO_PROTOCOL })];
      case "session-started": {
        ids = { streamSid: event.ids.streamSid ?? "", callSid: event.ids.callSid ?? "", accountSid: event.ids.accountSid ?? "" };
        const meta = event.metadata ?? {};
        const start = {
          accountSid: ids.accountSid,
          streamSid: ids.streamSid,
          callSid: ids.callSid,
          tracks: meta.tracks ?? [TWILIO_INBOUND_TRACK],
          customParameters: meta.customParameters ?? {},
          mediaFormat: meta.mediaFormat ?? TWILIO_MEDIA_FORMAT,
        };
        return [tagged(TwilioEvent.start, { start })];
      }
      case "audio-chunk": {
        const timestamp = Math.floor(samplesSent / MULAW_BYTES_PER_MS);
        samplesSent += event.audio.length;
        const media = { track: TWILIO_INBOUND_TRACK, chunk: String(++chunk), timestamp: String(timestamp), payload: encodeMediaPayload(event.audio) };
        return [tagged(TwilioEvent.media, { media })];
      }
      case "dtmf-received":
        return [tagged(TwilioEvent.dtmf, { dtmf: { track: TWILIO_DTMF_TRACK, digit: event.digit } })];
      case "mark-played":
        return [tagged(TwilioEvent.mark, { mark: { name: event.name } })];
      case "session-ended":
        return [tagged(TwilioEvent.stop, { stop: { accountSid: ids.accountSid, callSid: ids.callSid } })];
      case "passthrough":
        return [passthroughFrame(event, "event")];
      default:
        return [];
    }
  }

  function decode(frame: WireFrame): PeerDecoded[] {
    const fail = (error: ProtocolError | AudioDataError): PeerDecoded[] => [errorEvent(error, frame)];
    if (typeof frame !== "string")
      return fail(new ProtocolError(`binary frame of ${frame.byteLength} bytes: Twilio accepts only JSON text`, { dialect: DIALECT_NAME }));
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME, typeKey: "event" });
    if (!read.ok) return read.events.filter((e) => e.type === "error") as PeerDecoded[];
    const { type, message } = read.value;
    const known = type === TwilioCommand.media || type === TwilioCommand.mark || type === TwilioCommand.clear;
    if (!known) return [passthrough(type, message, frame) as PeerDecoded];
    if (ids.streamSid === "" || message.streamSid !== ids.streamSid) {
      return fail(new ProtocolError(`${type} without this stream's streamSid: Twilio drops it silently`, { dialect: DIALECT_NAME }));
    }
    if (type === TwilioCommand.clear) return [{ type: "playback-clear" }];
    if (type === TwilioCommand.mark) {
      const name = (message.mark as Message | undefined)?.name;
      if (typeof name !== "string" || name.length === 0) return fail(new ProtocolError("mark without a name", { dialect: DIALECT_NAME }));
      return [{ type: "mark", name }];
    }
    const payload = (message.media as Message | undefined)?.payload;
    if (typeof payload !== "string") return fail(new AudioDataError("media without a base64 payload", { dialect: DIALECT_NAME }));
    const audio = decodeMediaPayload(payload);
    return audio instanceof AudioDataError ? fail(audio) : [{ type: "audio-append", audio, sampleRate: TWILIO_SAMPLE_RATE }];
  }

  return { encode, decode };
}
