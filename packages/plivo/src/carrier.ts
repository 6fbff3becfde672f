import { ConfigError } from "@voxwire/core";
import { type CarrierLeg, type DetectInput, type Detection, jsonFrame } from "@voxwire/phone";
import { type PlivoOptions, plivo } from "./plivo.js";
import { type PlivoRestOptions, type PlivoTransferTarget, plivoHangupHook, plivoTransferHook } from "./server/call-control.js";
import { validatePlivoSignature } from "./signature.js";
import { plivoStreamXml } from "./stream-xml.js";
import { validateFormat } from "./validate.js";
import { DIALECT_NAME } from "./wire.js";

export interface PlivoCarrierOptions extends Omit<PlivoOptions, "path"> {
  /** REST credentials: the auth token also checks `X-Plivo-Signature-V3` on the answer webhook. */
  rest?: PlivoRestOptions;
  /** Where the default transfer moves the caller (needs `rest`). */
  transfer?: PlivoTransferTarget;
  /** Check the V3 signature (default: on when `rest` is given). */
  validateSignature?: boolean;
  /** `extraHeaders` for the stream, from the answer webhook's fields. */
  streamParameters?: (fields: URLSearchParams) => Record<string, string>;
}

/**
 * The Plivo leg for `@voxwire/phone`'s server: the Audio Streams dialect, the `<Stream>` answer,
 * the V3 signature check on the answer webhook, and REST hang-up and transfer.
 */
export function plivoCarrier(options: PlivoCarrierOptions = {}): CarrierLeg {
  const { contentType, sampleRate } = validateFormat(options.contentType, options.sampleRate);
  const rest = options.rest;
  if (options.transfer && !rest) throw new ConfigError("the default transfer needs Plivo REST credentials (rest)", { dialect: DIALECT_NAME });
  const validate = options.validateSignature ?? rest !== undefined;
  if (validate && !rest?.authToken) throw new ConfigError("validateSignature needs rest.authToken", { dialect: DIALECT_NAME });
  const onHangup = rest ? plivoHangupHook(rest) : undefined;
  const onTransfer = rest && options.transfer ? plivoTransferHook(rest, options.transfer) : undefined;
  return {
    name: DIALECT_NAME,
    verifiedBy: "rest.authToken ($PLIVO_AUTH_ID, $PLIVO_AUTH_TOKEN)",
    dialect: (path) => plivo({ contentType, sampleRate, path }),
    answer: ({ streamUrl, fields }) => ({
      contentType: "text/xml; charset=utf-8",
      body: plivoStreamXml({
        url: streamUrl,
        contentType,
        sampleRate,
        ...(options.streamParameters ? { parameters: options.streamParameters(fields) } : {}),
      }),
    }),
    verify(request, kind) {
      // Plivo signs its webhooks; the stream's WebSocket carries no signature.
      if (!validate || kind !== "webhook") return undefined;
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value.join(",") : (value as string | undefined);
      };
      return validatePlivoSignature(
        rest!.authToken,
        header("x-plivo-signature-v3"),
        header("x-plivo-signature-v3-nonce"),
        request.method,
        request.url,
        request.form,
      );
    },
    detect: detectPlivo,
    ...(onHangup ? { onHangup } : {}),
    ...(onTransfer ? { onTransfer } : {}),
  };
}

/** A Plivo stream on a shared path: its first message is `start` with `start.streamId` and `start.callId` (Plivo sends no `connected`). */
export function detectPlivo(input: DetectInput): Detection {
  if (input.protocols.length > 0) return "no";
  const first = input.frames[0];
  if (first === undefined) return "wait";
  const message = jsonFrame(first);
  const start = message?.start as Record<string, unknown> | undefined;
  return message?.event === "start" && typeof start?.streamId === "string" && typeof start.callId === "string" ? "yes" : "no";
}
