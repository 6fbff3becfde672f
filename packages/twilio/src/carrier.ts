import { ConfigError } from "@voxwire/core";
import { type CarrierLeg, type CarrierRequest, type DetectInput, type Detection, jsonFrame } from "@voxwire/phone";
import { type TransferTarget, type TwilioRestOptions, twilioHangupHook, twilioTransferHook } from "./server/call-control.js";
import { validateTwilioSignature } from "./signature.js";
import { twilio } from "./twilio.js";
import { connectStreamTwiml } from "./twiml.js";
import { DIALECT_NAME } from "./wire.js";

export interface TwilioCarrierOptions {
  /** Twilio credentials: they enable signature validation, the REST hang-up and the default transfer. */
  twilio?: TwilioRestOptions & {
    /** Check `X-Twilio-Signature` on the webhook and the stream's upgrade. Default: on when an auth token is given. */
    validateSignature?: boolean;
  };
  /** Where the default transfer hook sends the caller (needs `twilio` credentials). */
  transfer?: TransferTarget;
  /** `<Parameter>`s for the stream, from the webhook's form fields (`From`, `To`, …). */
  streamParameters?: (form: URLSearchParams) => Record<string, string>;
  /** Set when the application gives its own transfer hook: `transfer` then needs no credentials. */
  ownTransferHook?: boolean;
}

/**
 * The Twilio leg for `@voxwire/phone`'s server: the Media Streams dialect, a `<Connect><Stream>`
 * TwiML answer, the `X-Twilio-Signature` check (on the webhook with its form, on the upgrade
 * without), and, with credentials, hang-up and transfer through Twilio's REST API.
 */
export function twilioCarrier(options: TwilioCarrierOptions = {}): CarrierLeg {
  const rest = options.twilio;
  const authToken = rest?.authToken;
  const validate = rest?.validateSignature ?? authToken !== undefined;
  if (validate && !authToken) throw new ConfigError("validateSignature needs twilio.authToken", { dialect: DIALECT_NAME });
  if (options.transfer && !rest && !options.ownTransferHook)
    throw new ConfigError("the default transfer needs twilio credentials (or pass onTransfer)", { dialect: DIALECT_NAME });
  const onTransfer = rest && options.transfer ? twilioTransferHook(rest, options.transfer) : undefined;
  const onHangup = rest ? twilioHangupHook(rest) : undefined;
  return {
    name: DIALECT_NAME,
    verifiedBy: "twilio.authToken (--twilio-auth-token, $TWILIO_AUTH_TOKEN)",
    dialect: (mediaPath) => twilio({ path: mediaPath }),
    answer: ({ streamUrl, fields }) => ({
      contentType: "text/xml; charset=utf-8",
      body: connectStreamTwiml({ url: streamUrl, ...(options.streamParameters ? { parameters: options.streamParameters(fields) } : {}) }),
    }),
    verify(request: CarrierRequest, kind) {
      if (!validate) return undefined;
      const signature = request.headers["x-twilio-signature"];
      const given = Array.isArray(signature) ? signature[0] : (signature as string | undefined);
      return kind === "webhook"
        ? validateTwilioSignature(authToken!, given, request.url, request.form)
        : validateTwilioSignature(authToken!, given, request.url);
    },
    detect: detectTwilio,
    ...(onTransfer ? { onTransfer } : {}),
    ...(onHangup ? { onHangup } : {}),
  };
}

/**
 * A Twilio stream on a shared path: decided on `start` (camelCase `streamSid`, `start.callSid`),
 * never on `connected` alone (Telnyx and Exotel open with one too). A request SignalWire signed is
 * SignalWire's, which speaks the same messages.
 */
export function detectTwilio(input: DetectInput): Detection {
  if (input.headers["x-signalwire-signature"] !== undefined) return "no";
  return twilioShapedStart(input);
}

/** Whether the stream opens the Twilio way: "wait" through `connected`, then "yes" on a Twilio-shaped `start`. */
export function twilioShapedStart(input: DetectInput): Detection {
  for (const frame of input.frames) {
    const message = jsonFrame(frame);
    if (!message) return "no";
    if (message.event === "connected") continue;
    const start = message.start as Record<string, unknown> | undefined;
    return message.event === "start" && typeof message.streamSid === "string" && typeof start?.callSid === "string" ? "yes" : "no";
  }
  // Twilio offers no subprotocol: a stream that does is another carrier's.
  return input.protocols.length > 0 ? "no" : "wait";
}
