import { timingSafeEqual } from "node:crypto";
import { ConfigError } from "@voxwire/core";
import { type CarrierLeg, type DetectInput, type Detection, jsonFrame } from "@voxwire/phone";
import { type ExotelOptions, exotel } from "./exotel.js";
import { validateRate } from "./validate.js";
import { DIALECT_NAME } from "./wire.js";

export interface ExotelCarrierOptions extends Omit<ExotelOptions, "path"> {
  /**
   * The key and token written into the applet's URL (`wss://KEY:TOKEN@host/…`), which Exotel sends
   * as Basic auth: a stream without them is refused (403). Without them, allow-list Exotel's IPs.
   */
  credentials?: { key: string; token: string };
}

/**
 * The Exotel leg for `@voxwire/phone`'s server: the AgentStream dialect for the Voicebot applet
 * and the Basic-auth check of the applet URL's credentials. No answer document (the applet is
 * set up in Exotel's App Bazaar with the stream URL) and no REST call control: closing the
 * stream ends the applet and the call flow goes on.
 */
export function exotelCarrier(options: ExotelCarrierOptions = {}): CarrierLeg {
  const sampleRate = validateRate(options.sampleRate);
  const creds = options.credentials;
  if (creds && (!creds.key || !creds.token || creds.key.includes(":")))
    throw new ConfigError("credentials need a key (without ':') and a token", { dialect: DIALECT_NAME });
  const expected = creds ? Buffer.from(`Basic ${Buffer.from(`${creds.key}:${creds.token}`).toString("base64")}`) : undefined;
  return {
    name: DIALECT_NAME,
    verifiedBy: "credentials ($EXOTEL_STREAM_KEY, $EXOTEL_STREAM_TOKEN)",
    dialect: (path) => exotel({ sampleRate, path }),
    verify(request, kind) {
      if (!expected || kind !== "stream") return undefined;
      const value = request.headers.authorization;
      const given = Buffer.from((Array.isArray(value) ? value[0] : (value as string | undefined)) ?? "");
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    detect: detectExotel,
  };
}

/** An Exotel stream on a shared path: decided on `start` (snake_case `stream_sid`, `start.call_sid`), never on `connected`. */
export function detectExotel(input: DetectInput): Detection {
  if (input.protocols.length > 0) return "no";
  for (const frame of input.frames) {
    const message = jsonFrame(frame);
    if (!message) return "no";
    if (message.event === "connected") continue;
    const start = message.start as Record<string, unknown> | undefined;
    return message.event === "start" && typeof message.stream_sid === "string" && typeof start?.call_sid === "string" ? "yes" : "no";
  }
  return "wait";
}
