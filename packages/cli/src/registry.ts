import { asteriskSubject } from "@voxwire/asterisk/testing";
import type { ConformanceSubject, PhoneLegSubject } from "@voxwire/conformance";
import { ConfigError } from "@voxwire/core";
import { deepgramSubject } from "@voxwire/deepgram/testing";
import { elevenlabsSubject } from "@voxwire/elevenlabs/testing";
import { exotelSubject } from "@voxwire/exotel/testing";
import { geminiSubject } from "@voxwire/gemini/testing";
import { omniSubject } from "@voxwire/omni/testing";
import { omniaSubject, ultravoxSubject } from "@voxwire/omnia/testing";
import { openaiSubject } from "@voxwire/openai/testing";
import { orbitaliSubject } from "@voxwire/orbitali/testing";
import { plivoSubject } from "@voxwire/plivo/testing";
import { signalwireSubject } from "@voxwire/signalwire/testing";
import { telnyxSubject } from "@voxwire/telnyx/testing";
import { tokenFirstSubject } from "@voxwire/token-first/testing";
import { twilioSubject } from "@voxwire/twilio/testing";
import { vonageSubject } from "@voxwire/vonage/testing";

/*
 * Every dialect the CLI knows, one line each. A new dialect package exports its subject from its
 * `./testing` entry and adds it here (CONTRIBUTING.md has the whole checklist).
 */

/** The client dialects: `voxwire check|simulate|probe|record <name>`. */
export const DIALECTS: Readonly<Record<string, ConformanceSubject>> = {
  omni: omniSubject,
  omnia: omniaSubject,
  "token-first": tokenFirstSubject,
  orbitali: orbitaliSubject,
  openai: openaiSubject,
  elevenlabs: elevenlabsSubject,
  gemini: geminiSubject,
  ultravox: ultravoxSubject,
  deepgram: deepgramSubject,
};

/** The phone legs: `voxwire check telnyx` serves the stream and lets the carrier's simulator dial it. */
export const PHONE_LEGS: Readonly<Record<string, PhoneLegSubject>> = {
  twilio: twilioSubject,
  telnyx: telnyxSubject,
  plivo: plivoSubject,
  asterisk: asteriskSubject,
  vonage: vonageSubject,
  exotel: exotelSubject,
  signalwire: signalwireSubject,
};

/** The subject named `name`, or a ConfigError listing the known ones. */
export function dialectSubject(name: string): ConformanceSubject {
  const subject = Object.hasOwn(DIALECTS, name) ? DIALECTS[name] : undefined;
  if (!subject) throw new ConfigError(`unknown dialect "${name}"; known: ${Object.keys(DIALECTS).join(", ")}`);
  return subject;
}
