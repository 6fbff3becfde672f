import { TWILIO_MEDIA_FORMAT, type TwilioStartDetails, type TwilioStreamIds } from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

export type StartReading =
  | {
      ok: true;
      ids: TwilioStreamIds;
      details: TwilioStartDetails;
      /** Set when `mediaFormat` is not the 8 kHz mono μ-law this package decodes. */
      formatError?: string;
    }
  | { ok: false; why: string };

/**
 * Reads a `start` message tolerantly: the ids may sit in `start` or (streamSid) at the top level;
 * missing tracks, parameters or format fall back to what a `<Connect><Stream>` always has.
 * Only a missing `streamSid` is fatal to the reading: without it nothing can be sent back.
 */
export function readStart(message: Message): StartReading {
  const start = (isObject(message.start) ? message.start : {}) as Message;
  const streamSid = str(start.streamSid) ?? str(message.streamSid);
  if (streamSid === undefined || streamSid.length === 0) return { ok: false, why: "start message without a streamSid" };
  const ids: TwilioStreamIds = { streamSid, callSid: str(start.callSid) ?? "", accountSid: str(start.accountSid) ?? "" };

  const tracks = Array.isArray(start.tracks) ? start.tracks.filter((t): t is string => typeof t === "string") : ["inbound"];
  const customParameters: Record<string, string> = {};
  if (isObject(start.customParameters)) {
    for (const [key, value] of Object.entries(start.customParameters)) {
      if (typeof value === "string") customParameters[key] = value;
      else if (typeof value === "number" || typeof value === "boolean") customParameters[key] = String(value);
    }
  }
  const format = isObject(start.mediaFormat) ? (start.mediaFormat as Message) : undefined;
  const mediaFormat = {
    encoding: str(format?.encoding) ?? TWILIO_MEDIA_FORMAT.encoding,
    sampleRate: num(format?.sampleRate) ?? TWILIO_MEDIA_FORMAT.sampleRate,
    channels: num(format?.channels) ?? TWILIO_MEDIA_FORMAT.channels,
  };
  const details: TwilioStartDetails = { tracks, customParameters, mediaFormat };
  const matches =
    mediaFormat.encoding === TWILIO_MEDIA_FORMAT.encoding &&
    mediaFormat.sampleRate === TWILIO_MEDIA_FORMAT.sampleRate &&
    mediaFormat.channels === TWILIO_MEDIA_FORMAT.channels;
  if (matches) return { ok: true, ids, details };
  const formatError =
    `the stream's mediaFormat is ${mediaFormat.encoding} at ${mediaFormat.sampleRate} Hz, ${mediaFormat.channels} channel(s); ` +
    `only ${TWILIO_MEDIA_FORMAT.encoding} at ${TWILIO_MEDIA_FORMAT.sampleRate} Hz mono is decoded, so its media is refused`;
  return { ok: true, ids, details, formatError };
}

function isObject(value: unknown): value is Message {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Twilio sends numbers here, but tolerate numeric strings as it does elsewhere. */
function num(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
