/*
 * SignalWire's Compatibility API speaks Twilio's Media Streams wire (SignalWire, "cXML: <Stream>":
 * https://developer.signalwire.com/compatibility-api/cxml/voice/stream/): the same `connected`,
 * `start`, `media`, `mark`, `clear`, `dtmf` and `stop` messages, with SignalWire's ids (UUIDs),
 * cXML instead of TwiML, and `X-SignalWire-Signature` (Twilio's HMAC-SHA1 scheme, keyed with the
 * Space's signing key). So this leg is the Twilio leg as a preset.
 */

/** The dialect's name (log namespace, CLI argument, `PhoneCall.carrier`), stated once for the package. */
export const DIALECT_NAME = "signalwire";
/** The header SignalWire signs requests in; it also sends Twilio's for compatibility. */
export const SIGNALWIRE_SIGNATURE_HEADER = "x-signalwire-signature";
export const TWILIO_SIGNATURE_HEADER = "x-twilio-signature";
