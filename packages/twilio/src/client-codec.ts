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
import {
  DIALECT_NAME,
  decodeMediaPayload,
  encodeMediaPayload,
  readStart,
  TWILIO_FRAME_BYTES,
  TWILIO_INBOUND_TRACK,
  TWILIO_SAMPLE_RATE,
  TWILIO_STOP_REASON,
  TwilioEvent,
} from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/**
 * Our side of one Twilio stream (Twilio dials us). State, and why:
 * - the `streamSid` from `start`: Twilio silently drops any message we send without it, and a
 *   message it sends with another sid is not this stream's;
 * - `ready`, false until `start`, so the session holds outbound frames until the stream exists;
 * - whether `start.mediaFormat` is the 8 kHz μ-law this codec decodes;
 * - one μ-law scratch buffer, so encoding a frame allocates nothing but its JSON text.
 */
export function createTwilioCodec(_plan: ConnectPlan): DialectCodec {
  let streamSid: string | undefined;
  /** `streamSid` as a JSON string literal, spliced into every message we build. */
  let sidJson = "";
  let formatError: string | undefined;
  let stopped = false;
  let scratch = new Uint8Array(TWILIO_FRAME_BYTES);

  const fail = (error: VoxwireError, frame: WireFrame): InboundEvent[] => [errorEvent(error, frame)];
  const protocolError = (why: string) => new ProtocolError(why, { dialect: DIALECT_NAME });

  /** An error for a message of this stream's kind that is not this stream's, or undefined when it is. */
  function checkSid(message: Message, frame: string, what: string): InboundEvent[] | undefined {
    if (streamSid === undefined) return fail(protocolError(`${what} before start: no stream is open yet`), frame);
    if (message.streamSid !== streamSid) return fail(protocolError(`${what} for another stream (streamSid does not match start)`), frame);
    return undefined;
  }

  function decodeMedia(message: Message, frame: string): InboundEvent[] {
    const wrong = checkSid(message, frame, "media");
    if (wrong) return wrong;
    const media = message.media;
    if (media === null || typeof media !== "object") return fail(protocolError("media message without a media object"), frame);
    const { payload, track } = media as Message;
    // A both-tracks stream also carries the audio Twilio plays; only the caller's is user audio.
    if (track !== undefined && track !== TWILIO_INBOUND_TRACK) return [passthrough(TwilioEvent.media, message, frame)];
    if (formatError !== undefined) return fail(new AudioDataError(formatError, { dialect: DIALECT_NAME }), frame);
    if (typeof payload !== "string") return fail(new AudioDataError("media payload is not a base64 string", { dialect: DIALECT_NAME }), frame);
    const audio = decodeMediaPayload(payload);
    if (audio instanceof AudioDataError) return fail(audio, frame);
    return [{ type: "audio-chunk", audio, sampleRate: TWILIO_SAMPLE_RATE, raw: frame }];
  }

  function decodeStart(message: Message, frame: string): InboundEvent[] {
    if (streamSid !== undefined) return fail(protocolError("a second start on one stream; the first one stands"), frame);
    const start = readStart(message);
    if (!start.ok) return fail(protocolError(start.why), frame);
    streamSid = start.ids.streamSid;
    sidJson = JSON.stringify(streamSid);
    formatError = start.formatError;
    const events: InboundEvent[] = [
      {
        type: "session-started",
        ids: { ...start.ids },
        metadata: { tracks: start.details.tracks, customParameters: start.details.customParameters, mediaFormat: start.details.mediaFormat },
        raw: frame,
      },
    ];
    if (formatError !== undefined) events.push(errorEvent(new AudioDataError(formatError, { dialect: DIALECT_NAME }), frame));
    return events;
  }

  function decodeDtmf(message: Message, frame: string): InboundEvent[] {
    const wrong = checkSid(message, frame, "dtmf");
    if (wrong) return wrong;
    const dtmf = message.dtmf as Message | undefined;
    const digit = dtmf !== null && typeof dtmf === "object" ? dtmf.digit : undefined;
    if (typeof digit === "string" && dtmfDigitSchema.safeParse(digit).success) return [{ type: "dtmf-received", digit, raw: frame }];
    return [
      errorEvent(protocolError("dtmf message without a valid digit (0-9, *, #, A-D); passed through"), frame),
      passthrough(TwilioEvent.dtmf, message, frame),
    ];
  }

  function decodeMark(message: Message, frame: string): InboundEvent[] {
    const wrong = checkSid(message, frame, "mark");
    if (wrong) return wrong;
    const mark = message.mark as Message | undefined;
    const name = mark !== null && typeof mark === "object" ? mark.name : undefined;
    if (typeof name !== "string") return fail(protocolError("mark message without a name"), frame);
    return [{ type: "mark-played", name, raw: frame }];
  }

  function decodeStop(message: Message, frame: string): InboundEvent[] {
    const wrong = checkSid(message, frame, "stop");
    if (wrong) return wrong;
    stopped = true;
    return [
      { type: "session-ending", reason: TWILIO_STOP_REASON, raw: frame },
      { type: "session-ended", reason: TWILIO_STOP_REASON, raw: frame },
    ];
  }

  function requireSid(what: string): string {
    if (streamSid === undefined) {
      throw protocolError(`cannot send ${what} before start: Twilio drops every message without the stream's streamSid`);
    }
    return sidJson;
  }

  return {
    get ready() {
      return streamSid !== undefined && !stopped;
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (typeof frame !== "string") return fail(protocolError(`binary frame of ${frame.byteLength} bytes: Twilio sends only JSON text`), frame);
      const read = readJsonFrame(frame, { dialect: DIALECT_NAME, typeKey: "event" });
      if (!read.ok) return read.events;
      const { type, message } = read.value;
      switch (type) {
        case TwilioEvent.media:
          return decodeMedia(message, frame);
        case TwilioEvent.connected:
          return [{ type: "session-accepted", raw: frame }];
        case TwilioEvent.start:
          return decodeStart(message, frame);
        case TwilioEvent.mark:
          return decodeMark(message, frame);
        case TwilioEvent.dtmf:
          return decodeDtmf(message, frame);
        case TwilioEvent.stop:
          return decodeStop(message, frame);
        default:
          return [passthrough(type, message, frame)];
      }
    },
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append": {
          const sid = requireSid("media");
          const n = event.audio.length;
          if (scratch.length < n) scratch = new Uint8Array(n);
          const payload = encodeMediaPayload(event.audio, scratch);
          return [`{"event":"media","streamSid":${sid},"media":{"payload":"${payload}"}}`];
        }
        case "mark":
          return [`{"event":"mark","streamSid":${requireSid("mark")},"mark":{"name":${JSON.stringify(event.name)}}}`];
        case "playback-clear":
          return [`{"event":"clear","streamSid":${requireSid("clear")}}`];
        default:
          // No DTMF out on Media Streams; a stop is closing the socket, which ends <Connect>.
          return [];
      }
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, DIALECT_NAME);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      // Twilio dials us, so this codec never upgrades; kept for the spec's sake.
      return httpError(status, body, DIALECT_NAME);
    },
  };
}
