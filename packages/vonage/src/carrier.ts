import { ConfigError } from "@voxwire/core";
import { type CarrierLeg, type DetectInput, type Detection, jsonFrame } from "@voxwire/phone";
import { connectNcco } from "./ncco.js";
import { type VonageRestOptions, type VonageTransferTarget, vonageHangupHook, vonageTransferHook } from "./server/call-control.js";
import { validateVonageSignature } from "./signature.js";
import { validateRate } from "./validate.js";
import { type VonageOptions, vonage } from "./vonage.js";
import { DIALECT_NAME, VONAGE_CALL_HEADER, VONAGE_CONVERSATION_HEADER, VONAGE_FRAME_MS, VONAGE_MAX_BUFFERED_MESSAGES } from "./wire.js";

export interface VonageCarrierOptions extends Omit<VonageOptions, "path"> {
  /** The account's signature secret: answer webhooks without a valid signed JWT are refused. */
  signatureSecret?: string;
  /** The application's id and private key: hang-up and transfer through the Voice API. */
  rest?: VonageRestOptions;
  transfer?: VonageTransferTarget;
  /** More headers for `websocket:connected`, from the answer webhook's fields. */
  streamParameters?: (fields: URLSearchParams) => Record<string, string>;
}

/** A Vonage socket on a shared path: its first message is the JSON `websocket:connected`. */
export function detectVonage(input: DetectInput): Detection {
  if (input.protocols.length > 0) return "no";
  const first = input.frames[0];
  if (first === undefined) return "wait";
  return jsonFrame(first)?.event === "websocket:connected" ? "yes" : "no";
}

/**
 * The Vonage leg for `@voxwire/phone`'s server: the WebSocket dialect, an NCCO `connect` answer
 * that passes the call's `uuid` to the socket as a header, the signed-webhook check, and Voice
 * API hang-up and transfer.
 */
export function vonageCarrier(options: VonageCarrierOptions = {}): CarrierLeg {
  const sampleRate = validateRate(options.sampleRate);
  if (options.transfer && !options.rest) throw new ConfigError("the default transfer needs the Vonage application (rest)", { dialect: DIALECT_NAME });
  const onHangup = options.rest ? vonageHangupHook(options.rest) : undefined;
  const onTransfer = options.rest && options.transfer ? vonageTransferHook(options.rest, options.transfer) : undefined;
  const secret = options.signatureSecret;
  return {
    name: DIALECT_NAME,
    verifiedBy: "signatureSecret ($VONAGE_SIGNATURE_SECRET)",
    dialect: (path) => vonage({ sampleRate, path, ...(options.notify === false ? { notify: false } : {}) }),
    answer: ({ streamUrl, fields }) => ({
      contentType: "application/json",
      body: connectNcco({
        uri: streamUrl,
        sampleRate,
        headers: {
          ...(options.streamParameters ? options.streamParameters(fields) : {}),
          [VONAGE_CALL_HEADER]: fields.get("uuid") ?? "",
          [VONAGE_CONVERSATION_HEADER]: fields.get("conversation_uuid") ?? "",
        },
      }),
    }),
    verify(request, kind) {
      if (!secret || kind !== "webhook") return undefined;
      const value = request.headers.authorization;
      return validateVonageSignature(secret, Array.isArray(value) ? value[0] : (value as string | undefined), request.body);
    },
    maxLeadMs: VONAGE_MAX_BUFFERED_MESSAGES * VONAGE_FRAME_MS,
    detect: detectVonage,
    ...(onHangup ? { onHangup } : {}),
    ...(onTransfer ? { onTransfer } : {}),
  };
}
