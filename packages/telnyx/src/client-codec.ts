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
import { ChunkReorder } from "./reorder.js";
import {
  createPayloadCodec,
  DIALECT_NAME,
  num,
  readStart,
  TELNYX_INBOUND_TRACK,
  TELNYX_REORDER_WINDOW,
  TELNYX_STOP_REASON,
  type TelnyxCodec,
  TelnyxEvent,
} from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/** The Telnyx codec a plan's wire format names (the factory only builds these three). */
export function codecOf(plan: ConnectPlan): TelnyxCodec {
  const encoding = plan.audio.inbound.encoding;
  return encoding === "mulaw" ? "PCMU" : encoding === "alaw" ? "PCMA" : "L16";
}

/**
 * Our side of one Telnyx stream (Telnyx dials us). State, and why:
 * - the `stream_id` from `start`, to refuse another stream's messages and hold media until it;
 * - whether `start.media_format` is the codec and rate this leg was set up for;
 * - the reorder window, since Telnyx does not guarantee media order (late frames are dropped and
 *   reported as `debug` events with a running count);
 * - one payload scratch buffer for encoding.
 * An audio event released from the window carries the frame that released it as `raw`.
 */
export function createTelnyxCodec(plan: ConnectPlan): DialectCodec {
  const codec = codecOf(plan);
  const sampleRate = plan.audio.inbound.sampleRate;
  const payloads = createPayloadCodec(codec);
  const reorder = new ChunkReorder<Int16Array>(TELNYX_REORDER_WINDOW);
  let streamId: string | undefined;
  let formatError: string | undefined;
  let stopped = false;

  const protocolError = (why: string) => new ProtocolError(why, { dialect: DIALECT_NAME });
  const fail = (error: VoxwireError, frame: WireFrame): InboundEvent[] => [errorEvent(error, frame)];

  function checkStream(message: Message, frame: string, what: string): InboundEvent[] | undefined {
    if (streamId === undefined) return fail(protocolError(`${what} before start: no stream is open yet`), frame);
    // Telnyx tags its messages with the stream_id; one without it is taken as this stream's.
    if (message.stream_id !== undefined && message.stream_id !== streamId)
      return fail(protocolError(`${what} for another stream (stream_id does not match start)`), frame);
    return undefined;
  }

  function decodeMedia(message: Message, frame: string): InboundEvent[] {
    const wrong = checkStream(message, frame, "media");
    if (wrong) return wrong;
    const media = message.media;
    if (media === null || typeof media !== "object") return fail(protocolError("media message without a media object"), frame);
    const { payload, track, chunk } = media as Message;
    // A both-tracks stream also carries what the call plays out; only the caller's is user audio.
    if (track !== undefined && track !== TELNYX_INBOUND_TRACK) return [passthrough(TelnyxEvent.media, message, frame)];
    if (formatError !== undefined) return fail(new AudioDataError(formatError, { dialect: DIALECT_NAME }), frame);
    if (typeof payload !== "string") return fail(new AudioDataError("media payload is not a base64 string", { dialect: DIALECT_NAME }), frame);
    const audio = payloads.decode(payload);
    if (audio instanceof AudioDataError) return fail(audio, frame);
    const order = num(chunk) ?? num(message.sequence_number);
    const events: InboundEvent[] = [];
    const out = (pcm: Int16Array) => events.push({ type: "audio-chunk", audio: pcm, sampleRate, raw: frame });
    if (order === undefined) out(audio);
    else if (!reorder.push(order, audio, out)) {
      events.push({
        type: "debug",
        message: `late media: chunk ${order} came after later audio had gone out; dropped (${reorder.late} late so far)`,
        raw: frame,
      });
    }
    return events;
  }

  function decodeStart(message: Message, frame: string): InboundEvent[] {
    if (streamId !== undefined) return fail(protocolError("a second start on one stream; the first one stands"), frame);
    const start = readStart(message, codec, sampleRate);
    if (!start.ok) return fail(protocolError(start.why), frame);
    streamId = start.ids.streamId;
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
      passthrough(TelnyxEvent.dtmf, message, frame),
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

  function decodeError(message: Message, frame: string): InboundEvent[] {
    // Telnyx reports a streaming problem as an `error` frame; the stream goes on.
    const body = (message.payload ?? message.error) as Message | undefined;
    const detail = body && typeof body === "object" ? [body.code, body.title, body.detail].filter((p) => p !== undefined).join(": ") : "";
    return [errorEvent(protocolError(`Telnyx reported a streaming error${detail ? `: ${detail}` : ""}`), frame)];
  }

  function decodeStop(message: Message, frame: string): InboundEvent[] {
    const wrong = checkStream(message, frame, "stop");
    if (wrong) return wrong;
    stopped = true;
    const events: InboundEvent[] = [];
    reorder.flush((audio) => events.push({ type: "audio-chunk", audio, sampleRate, raw: frame }));
    events.push(
      { type: "session-ending", reason: TELNYX_STOP_REASON, raw: frame },
      { type: "session-ended", reason: TELNYX_STOP_REASON, raw: frame },
    );
    return events;
  }

  function requireStream(what: string): void {
    if (streamId === undefined) throw protocolError(`cannot send ${what} before start: the stream is not open yet`);
  }

  return {
    get ready() {
      return streamId !== undefined && !stopped;
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (typeof frame !== "string") return fail(protocolError(`binary frame of ${frame.byteLength} bytes: Telnyx sends only JSON text`), frame);
      const read = readJsonFrame(frame, { dialect: DIALECT_NAME, typeKey: "event" });
      if (!read.ok) return read.events;
      const { type, message } = read.value;
      switch (type) {
        case TelnyxEvent.media:
          return decodeMedia(message, frame);
        case TelnyxEvent.connected:
          return [{ type: "session-accepted", raw: frame }];
        case TelnyxEvent.start:
          return decodeStart(message, frame);
        case TelnyxEvent.mark:
          return decodeMark(message, frame);
        case TelnyxEvent.dtmf:
          return decodeDtmf(message, frame);
        case TelnyxEvent.error:
          return decodeError(message, frame);
        case TelnyxEvent.stop:
          return decodeStop(message, frame);
        default:
          return [passthrough(type, message, frame)];
      }
    },
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append":
          requireStream("media");
          return [`{"event":"media","media":{"payload":"${payloads.encode(event.audio)}"}}`];
        case "mark":
          requireStream("mark");
          return [`{"event":"mark","mark":{"name":${JSON.stringify(event.name)}}}`];
        case "playback-clear":
          requireStream("clear");
          return ['{"event":"clear"}'];
        default:
          // No DTMF out on the stream; hanging up is the REST API's (call-control hooks).
          return [];
      }
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, DIALECT_NAME);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT_NAME);
    },
  };
}
