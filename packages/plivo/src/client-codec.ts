import {
  AudioDataError,
  type ConnectPlan,
  closeEvents,
  type DialectCodec,
  dtmfDigitSchema,
  errorEvent,
  httpError,
  type InboundEvent,
  type OutboundEvent,
  ProtocolError,
  passthrough,
  readJsonFrame,
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { PLIVO_CLOSE_RULES } from "./close-rules.js";
import { createPayloadCodec, DIALECT_NAME, PLIVO_INBOUND_TRACK, type PlivoContentType, PlivoEvent, readStart } from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/** The Plivo content type a plan's wire format names. */
export function contentTypeOf(plan: ConnectPlan): PlivoContentType {
  return plan.audio.inbound.encoding === "mulaw" ? "audio/x-mulaw" : "audio/x-l16";
}

/**
 * Our side of one Plivo stream (Plivo dials us). State, and why: the `streamId` from `start`
 * (checkpoints and clears name it, and another stream's messages are refused); whether
 * `start.mediaFormat` is what the leg was set up for; one payload scratch buffer. Every
 * `playAudio` names the same content type and rate: Plivo does not support switching codecs
 * between them.
 */
export function createPlivoCodec(plan: ConnectPlan): DialectCodec {
  const contentType = contentTypeOf(plan);
  const sampleRate = plan.audio.inbound.sampleRate;
  const payloads = createPayloadCodec(contentType);
  let streamId: string | undefined;
  let idJson = "";
  let formatError: string | undefined;

  const protocolError = (why: string) => new ProtocolError(why, { dialect: DIALECT_NAME });
  const fail = (error: VoxwireError, frame: WireFrame): InboundEvent[] => [errorEvent(error, frame)];

  function checkStream(message: Message, frame: string, what: string): InboundEvent[] | undefined {
    if (streamId === undefined) return fail(protocolError(`${what} before start: no stream is open yet`), frame);
    if (message.streamId !== undefined && message.streamId !== streamId)
      return fail(protocolError(`${what} for another stream (streamId does not match start)`), frame);
    return undefined;
  }

  function decodeMedia(message: Message, frame: string): InboundEvent[] {
    const wrong = checkStream(message, frame, "media");
    if (wrong) return wrong;
    const media = message.media;
    if (media === null || typeof media !== "object") return fail(protocolError("media message without a media object"), frame);
    const { payload, track } = media as Message;
    if (track !== undefined && track !== PLIVO_INBOUND_TRACK) return [passthrough(PlivoEvent.media, message, frame)];
    if (formatError !== undefined) return fail(new AudioDataError(formatError, { dialect: DIALECT_NAME }), frame);
    if (typeof payload !== "string") return fail(new AudioDataError("media payload is not a base64 string", { dialect: DIALECT_NAME }), frame);
    const audio = payloads.decode(payload);
    if (audio instanceof AudioDataError) return fail(audio, frame);
    return [{ type: "audio-chunk", audio, sampleRate, raw: frame }];
  }

  function decodeStart(message: Message, frame: string): InboundEvent[] {
    if (streamId !== undefined) return fail(protocolError("a second start on one stream; the first one stands"), frame);
    const start = readStart(message, contentType, sampleRate);
    if (!start.ok) return fail(protocolError(start.why), frame);
    streamId = start.ids.streamId;
    idJson = JSON.stringify(streamId);
    formatError = start.formatError;
    const events: InboundEvent[] = [{ type: "session-started", ids: { ...start.ids }, metadata: start.metadata, raw: frame }];
    if (formatError !== undefined) events.push(errorEvent(new AudioDataError(formatError, { dialect: DIALECT_NAME }), frame));
    return events;
  }

  function decodeDtmf(message: Message, frame: string): InboundEvent[] {
    const wrong = checkStream(message, frame, "dtmf");
    if (wrong) return wrong;
    const dtmf = message.dtmf as Message | undefined;
    const digit = dtmf !== null && typeof dtmf === "object" ? dtmf.digit : undefined;
    if (typeof digit === "string" && dtmfDigitSchema.safeParse(digit).success) return [{ type: "dtmf-received", digit, raw: frame }];
    return [
      errorEvent(protocolError("dtmf message without a valid digit (0-9, *, #, A-D); passed through"), frame),
      passthrough(PlivoEvent.dtmf, message, frame),
    ];
  }

  function decodePlayed(message: Message, frame: string): InboundEvent[] {
    const wrong = checkStream(message, frame, "playedStream");
    if (wrong) return wrong;
    if (typeof message.name !== "string") return fail(protocolError("playedStream without a checkpoint name"), frame);
    return [{ type: "mark-played", name: message.name, raw: frame }];
  }

  function requireStream(what: string): string {
    if (streamId === undefined) throw protocolError(`cannot send ${what} before start: the stream is not open yet`);
    return idJson;
  }

  return {
    get ready() {
      return streamId !== undefined;
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (typeof frame !== "string") return fail(protocolError(`binary frame of ${frame.byteLength} bytes: Plivo sends only JSON text`), frame);
      const read = readJsonFrame(frame, { dialect: DIALECT_NAME, typeKey: "event" });
      if (!read.ok) return read.events;
      const { type, message } = read.value;
      switch (type) {
        case PlivoEvent.media:
          return decodeMedia(message, frame);
        case PlivoEvent.start:
          return decodeStart(message, frame);
        case PlivoEvent.playedStream:
        case PlivoEvent.played:
          return decodePlayed(message, frame);
        case PlivoEvent.dtmf:
          return decodeDtmf(message, frame);
        default:
          // clearedAudio (the clear's acknowledgement) and anything new.
          return [passthrough(type, message, frame)];
      }
    },
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append":
          requireStream("playAudio");
          return [
            `{"event":"playAudio","media":{"contentType":"${contentType}","sampleRate":${sampleRate},"payload":"${payloads.encode(event.audio)}"}}`,
          ];
        case "mark":
          return [`{"event":"checkpoint","streamId":${requireStream("checkpoint")},"name":${JSON.stringify(event.name)}}`];
        case "playback-clear":
          return [`{"event":"clearAudio","streamId":${requireStream("clearAudio")}}`];
        default:
          // Hanging up is the REST API's (call-control hooks), or closing the socket.
          return [];
      }
    },
    close(code: number, reason: string): InboundEvent[] {
      // Plivo sends no stop: its close is the call's end.
      return closeEvents(code, reason, DIALECT_NAME, PLIVO_CLOSE_RULES);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT_NAME);
    },
  };
}
