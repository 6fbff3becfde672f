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
import { EXOTEL_CLOSE_RULES } from "./close-rules.js";
import {
  createPayloadCodec,
  DIALECT_NAME,
  EXOTEL_CHUNK_MULTIPLE,
  EXOTEL_MAX_CHUNK,
  EXOTEL_MIN_CHUNK,
  EXOTEL_STOP_REASON,
  ExotelEvent,
  readStart,
} from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/** Samples to pad `samples` to, so its bytes are a multiple of 320 and at least 3.2 KB. */
function validSamples(samples: number): number {
  const bytes = Math.max(EXOTEL_MIN_CHUNK, Math.ceil((samples * 2) / EXOTEL_CHUNK_MULTIPLE) * EXOTEL_CHUNK_MULTIPLE);
  return bytes / 2;
}

/**
 * Our side of one Exotel Voicebot stream. State, and why: the `stream_sid` (every message we send
 * names it, and another stream's are refused); whether `start.media_format` is the rate the leg
 * was set up for; one payload scratch buffer. Audio leaves in messages Exotel plays without gaps:
 * whole multiples of 320 bytes, at least 3.2 KB (a short one is padded with silence), at most 100 KB.
 */
export function createExotelCodec(plan: ConnectPlan): DialectCodec {
  const sampleRate = plan.audio.inbound.sampleRate;
  const payloads = createPayloadCodec();
  let streamId: string | undefined;
  let idJson = "";
  let formatError: string | undefined;
  let stopped = false;

  const protocolError = (why: string) => new ProtocolError(why, { dialect: DIALECT_NAME });
  const fail = (error: VoxwireError, frame: WireFrame): InboundEvent[] => [errorEvent(error, frame)];

  function checkStream(message: Message, frame: string, what: string): InboundEvent[] | undefined {
    if (streamId === undefined) return fail(protocolError(`${what} before start: no stream is open yet`), frame);
    if (message.stream_sid !== undefined && message.stream_sid !== streamId)
      return fail(protocolError(`${what} for another stream (stream_sid does not match start)`), frame);
    return undefined;
  }

  function decodeMedia(message: Message, frame: string): InboundEvent[] {
    const wrong = checkStream(message, frame, "media");
    if (wrong) return wrong;
    const media = message.media;
    if (media === null || typeof media !== "object") return fail(protocolError("media message without a media object"), frame);
    const { payload } = media as Message;
    if (formatError !== undefined) return fail(new AudioDataError(formatError, { dialect: DIALECT_NAME }), frame);
    if (typeof payload !== "string") return fail(new AudioDataError("media payload is not a base64 string", { dialect: DIALECT_NAME }), frame);
    const audio = payloads.decode(payload);
    if (audio instanceof AudioDataError) return fail(audio, frame);
    return [{ type: "audio-chunk", audio, sampleRate, raw: frame }];
  }

  function decodeStart(message: Message, frame: string): InboundEvent[] {
    if (streamId !== undefined) return fail(protocolError("a second start on one stream; the first one stands"), frame);
    const start = readStart(message, sampleRate);
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
      passthrough(ExotelEvent.dtmf, message, frame),
    ];
  }

  function decodeMark(message: Message, frame: string): InboundEvent[] {
    const wrong = checkStream(message, frame, "mark");
    if (wrong) return wrong;
    const mark = message.mark as Message | undefined;
    const name = mark !== null && typeof mark === "object" ? mark.name : undefined;
    if (typeof name !== "string") return fail(protocolError("mark message without a name"), frame);
    return [{ type: "mark-played", name, raw: frame }];
  }

  function decodeStop(message: Message, frame: string): InboundEvent[] {
    const wrong = checkStream(message, frame, "stop");
    if (wrong) return wrong;
    stopped = true;
    return [
      { type: "session-ending", reason: EXOTEL_STOP_REASON, raw: frame },
      { type: "session-ended", reason: EXOTEL_STOP_REASON, raw: frame },
    ];
  }

  function requireStream(what: string): string {
    if (streamId === undefined) throw protocolError(`cannot send ${what} before start: the stream is not open yet`);
    return idJson;
  }

  function media(audio: Int16Array): WireFrame[] {
    const sid = requireStream("media");
    const frames: WireFrame[] = [];
    const maxSamples = EXOTEL_MAX_CHUNK / 2 - ((EXOTEL_MAX_CHUNK / 2) % (EXOTEL_CHUNK_MULTIPLE / 2));
    for (let at = 0; at < audio.length; at += maxSamples) {
      let part = audio.subarray(at, Math.min(audio.length, at + maxSamples));
      const want = validSamples(part.length);
      if (want !== part.length) {
        const padded = new Int16Array(want);
        padded.set(part);
        part = padded;
      }
      frames.push(`{"event":"media","stream_sid":${sid},"media":{"payload":"${payloads.encode(part)}"}}`);
    }
    return frames;
  }

  return {
    get ready() {
      return streamId !== undefined && !stopped;
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (typeof frame !== "string") return fail(protocolError(`binary frame of ${frame.byteLength} bytes: Exotel sends only JSON text`), frame);
      const read = readJsonFrame(frame, { dialect: DIALECT_NAME, typeKey: "event" });
      if (!read.ok) return read.events;
      const { type, message } = read.value;
      switch (type) {
        case ExotelEvent.media:
          return decodeMedia(message, frame);
        case ExotelEvent.connected:
          return [{ type: "session-accepted", raw: frame }];
        case ExotelEvent.start:
          return decodeStart(message, frame);
        case ExotelEvent.mark:
          return decodeMark(message, frame);
        case ExotelEvent.dtmf:
          return decodeDtmf(message, frame);
        case ExotelEvent.stop:
          return decodeStop(message, frame);
        default:
          return [passthrough(type, message, frame)];
      }
    },
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append":
          return media(event.audio);
        case "mark":
          return [`{"event":"mark","stream_sid":${requireStream("mark")},"mark":{"name":${JSON.stringify(event.name)}}}`];
        case "playback-clear":
          return [`{"event":"clear","stream_sid":${requireStream("clear")}}`];
        default:
          // Closing the stream ends the Voicebot applet; the flow goes on to the next applet.
          return [];
      }
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, DIALECT_NAME, EXOTEL_CLOSE_RULES);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT_NAME);
    },
  };
}
