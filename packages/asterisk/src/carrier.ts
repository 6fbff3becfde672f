import { timingSafeEqual } from "node:crypto";
import { ConfigError } from "@voxwire/core";
import type { CarrierLeg, DetectInput, Detection } from "@voxwire/phone";
import { type AsteriskOptions, asterisk, asteriskFlowSignal } from "./asterisk.js";
import { validateFormat } from "./validate.js";
import { ASTERISK_SUBPROTOCOL, AsteriskEvent, DIALECT_NAME, readControl } from "./wire.js";

export interface AsteriskCarrierOptions extends Omit<AsteriskOptions, "path"> {
  /**
   * The `username` and `password` of the `websocket_client.conf` connection: Asterisk sends them
   * as Basic auth on the upgrade, and a stream without them is refused (403).
   */
  credentials?: { username: string; password: string };
}

/**
 * The Asterisk leg for `@voxwire/phone`'s server (Asterisk dials us): the `chan_websocket`
 * dialect, the Basic-auth check of the connection's credentials, and MEDIA_XOFF/XON read as
 * flow control. No answer document: the dialplan (`Dial(WebSocket/…)`) starts the stream, and
 * hanging up is in-band (the leg sends HANGUP when the bridge closes it).
 */
export function asteriskCarrier(options: AsteriskCarrierOptions = {}): CarrierLeg {
  const format = validateFormat(options.format);
  const creds = options.credentials;
  if (creds && (!creds.username || !creds.password || creds.username.includes(":")))
    throw new ConfigError("credentials need a username (without ':') and a password", { dialect: DIALECT_NAME });
  const expected = creds ? Buffer.from(`Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}`) : undefined;
  return {
    name: DIALECT_NAME,
    verifiedBy: "credentials ($ASTERISK_WS_USERNAME, $ASTERISK_WS_PASSWORD)",
    dialect: (path) => asterisk({ format, path }),
    verify(request, kind) {
      if (!expected || kind !== "stream") return undefined;
      const value = request.headers.authorization;
      const given = Buffer.from((Array.isArray(value) ? value[0] : (value as string | undefined)) ?? "");
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    flowSignal: asteriskFlowSignal,
    detect: detectAsterisk,
  };
}

/** An Asterisk media socket on a shared path: it offers the `media` subprotocol, and its first message is MEDIA_START. */
export function detectAsterisk(input: DetectInput): Detection {
  if (input.protocols.includes(ASTERISK_SUBPROTOCOL)) return "yes";
  const first = input.frames[0];
  if (first === undefined) return "wait";
  const control = typeof first === "string" ? readControl(first) : undefined;
  return control?.name === AsteriskEvent.mediaStart ? "yes" : "no";
}
