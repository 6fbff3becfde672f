import { ConfigError } from "@voxwire/core";
import { type CarrierLeg, type DetectInput, type Detection, jsonFrame } from "@voxwire/phone";
import { type TelnyxRestOptions, type TelnyxTransferTarget, telnyxHangupHook, telnyxTransferHook } from "./server/call-control.js";
import { validateTelnyxSignature } from "./signature.js";
import { type TelnyxOptions, telnyx } from "./telnyx.js";
import { texmlStream } from "./texml.js";
import { validateFormat } from "./validate.js";
import { DIALECT_NAME } from "./wire.js";

export interface TelnyxCarrierOptions extends Omit<TelnyxOptions, "path"> {
  /** The account's public key (base64, from the portal): webhooks without a valid `telnyx-signature-ed25519` are refused. */
  publicKey?: string;
  /** Call Control credentials: hang-up and transfer through the REST API. */
  rest?: TelnyxRestOptions;
  /** Where the default transfer goes (needs `rest`). */
  transfer?: TelnyxTransferTarget;
  /** `custom_parameters` for the stream, from the webhook's fields. */
  streamParameters?: (fields: URLSearchParams) => Record<string, string>;
}

/**
 * The Telnyx leg for `@voxwire/phone`'s server: the media-streaming dialect, a TeXML answer
 * streaming both ways in the chosen codec, the Ed25519 webhook check, and Call Control hang-up
 * and transfer. (With Call Control instead of TeXML, pass `stream_url`,
 * `stream_bidirectional_mode: "rtp"` and the same codec and rate when answering; the webhook
 * route is then unused.)
 */
export function telnyxCarrier(options: TelnyxCarrierOptions = {}): CarrierLeg {
  const { codec, sampleRate } = validateFormat(options.codec, options.sampleRate);
  if (options.transfer && !options.rest)
    throw new ConfigError("the default transfer needs Telnyx REST credentials (rest)", { dialect: DIALECT_NAME });
  const onHangup = options.rest ? telnyxHangupHook(options.rest) : undefined;
  const onTransfer = options.rest && options.transfer ? telnyxTransferHook(options.rest, options.transfer) : undefined;
  const publicKey = options.publicKey;
  return {
    name: DIALECT_NAME,
    verifiedBy: "publicKey ($TELNYX_PUBLIC_KEY)",
    dialect: (path) => telnyx({ codec, sampleRate, path }),
    answer: ({ streamUrl, fields }) => ({
      contentType: "text/xml; charset=utf-8",
      body: texmlStream({
        url: streamUrl,
        codec,
        ...(codec === "L16" ? { sampleRate } : {}),
        ...(options.streamParameters ? { parameters: options.streamParameters(fields) } : {}),
      }),
    }),
    verify(request, kind) {
      // Telnyx signs its webhooks; the media WebSocket carries no signature (a stream_auth_token, where set, is the app's to check).
      if (!publicKey || kind !== "webhook") return undefined;
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value[0] : (value as string | undefined);
      };
      return validateTelnyxSignature(publicKey, header("telnyx-signature-ed25519"), header("telnyx-timestamp"), request.body);
    },
    detect: detectTelnyx,
    ...(onHangup ? { onHangup } : {}),
    ...(onTransfer ? { onTransfer } : {}),
  };
}

/** A Telnyx stream on a shared path: decided on `start` (`stream_id` at the top, `call_control_id` inside), never on `connected`. */
export function detectTelnyx(input: DetectInput): Detection {
  if (input.protocols.length > 0) return "no";
  for (const frame of input.frames) {
    const message = jsonFrame(frame);
    if (!message) return "no";
    if (message.event === "connected") continue;
    const start = message.start as Record<string, unknown> | undefined;
    return message.event === "start" && typeof message.stream_id === "string" && typeof start?.call_control_id === "string" ? "yes" : "no";
  }
  return "wait";
}
