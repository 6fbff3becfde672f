import { ConfigError } from "@voxwire/core";
import type { CarrierLeg, DetectInput, Detection } from "@voxwire/phone";
import { connectStreamTwiml, twilioShapedStart } from "@voxwire/twilio";
import { type SignalWireRestOptions, signalwireHangupHook, signalwireTransferHook } from "./server/call-control.js";
import { signalwire } from "./signalwire.js";
import { validateSignalWireSignature } from "./signature.js";
import { DIALECT_NAME, SIGNALWIRE_SIGNATURE_HEADER, TWILIO_SIGNATURE_HEADER } from "./wire.js";

export interface SignalWireCarrierOptions {
  /** The Space's signing key: webhooks and stream upgrades without a valid signature are refused. */
  signingKey?: string;
  /** REST credentials: hang-up and transfer through the Compatibility API. */
  rest?: SignalWireRestOptions;
  transfer?: { to?: string; url?: string; allowAgentTarget?: boolean };
  /** `<Parameter>`s for the stream, from the webhook's fields. */
  streamParameters?: (fields: URLSearchParams) => Record<string, string>;
}

/** The SignalWire leg for `@voxwire/phone`'s server: the Twilio wire, a cXML `<Connect><Stream>` answer, SignalWire's signature, Compatibility API call control. */
export function signalwireCarrier(options: SignalWireCarrierOptions = {}): CarrierLeg {
  if (options.transfer && !options.rest)
    throw new ConfigError("the default transfer needs SignalWire REST credentials (rest)", { dialect: DIALECT_NAME });
  const key = options.signingKey;
  const onHangup = options.rest ? signalwireHangupHook(options.rest) : undefined;
  const onTransfer = options.rest && options.transfer ? signalwireTransferHook(options.rest, options.transfer) : undefined;
  return {
    name: DIALECT_NAME,
    verifiedBy: "signingKey ($SIGNALWIRE_SIGNING_KEY)",
    dialect: (path) => signalwire({ path }),
    answer: ({ streamUrl, fields }) => ({
      contentType: "text/xml; charset=utf-8",
      body: connectStreamTwiml({ url: streamUrl, ...(options.streamParameters ? { parameters: options.streamParameters(fields) } : {}) }),
    }),
    verify(request, kind) {
      if (!key) return undefined;
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value[0] : (value as string | undefined);
      };
      const signature = header(SIGNALWIRE_SIGNATURE_HEADER) ?? header(TWILIO_SIGNATURE_HEADER);
      return kind === "webhook"
        ? validateSignalWireSignature(key, signature, request.url, request.form)
        : validateSignalWireSignature(key, signature, request.url);
    },
    detect: detectSignalWire,
    ...(onHangup ? { onHangup } : {}),
    ...(onTransfer ? { onTransfer } : {}),
  };
}

/** A SignalWire stream on a shared path: Twilio's messages on an upgrade SignalWire signed (`X-SignalWire-Signature`). */
export function detectSignalWire(input: DetectInput): Detection {
  if (input.headers[SIGNALWIRE_SIGNATURE_HEADER] === undefined) return "no";
  return twilioShapedStart(input);
}
