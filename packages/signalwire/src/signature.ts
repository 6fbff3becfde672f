import { type TwilioParams, validateTwilioSignature } from "@voxwire/twilio";

/**
 * Checks SignalWire's request signature (SignalWire, "Webhook Security":
 * https://developer.signalwire.com/guides/webhook-security, and the compatibility SDK's
 * `validateRequest`, `@signalwire/compatibility-api`): Twilio's scheme (HMAC-SHA1 over the
 * URL and the sorted form parameters, base64) keyed with the Space's signing key, in
 * `X-SignalWire-Signature` (or, for compatibility, `X-Twilio-Signature`).
 */
export function validateSignalWireSignature(signingKey: string, signature: string | undefined, url: string, params: TwilioParams = {}): boolean {
  return validateTwilioSignature(signingKey, signature, url, params);
}
