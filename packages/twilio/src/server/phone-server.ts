import { ConfigError, type Dialect } from "@voxwire/core";
import { type PhoneBridgeServer, type PhoneServerOptions, createPhoneBridge as servePhone, type TwilioCall } from "@voxwire/phone";
import { twilioCarrier } from "../carrier.js";
import { DIALECT_NAME } from "../wire.js";
import type { TransferTarget, TwilioRestOptions } from "./call-control.js";

/**
 * The generic server's options (`maxCalls`, `allowUnsigned`, `maxCallMs`, pings, routes, …) with
 * Twilio's leg built in: its paths, credentials, transfer target and stream parameters.
 */
export interface PhoneBridgeServerOptions extends Omit<PhoneServerOptions, "agent" | "carriers" | "detect"> {
  /** The agent every call is bridged to: a client dialect, or a factory per call (it sees the `<Parameter>`s). */
  agent: Dialect | ((call: TwilioCall) => Dialect | Promise<Dialect>);
  /** Default `/voice` (the number's "A call comes in" webhook) and `/media` (the stream). */
  paths?: { voice?: string; media?: string };
  /** `<Parameter>`s for the stream, from the webhook's form fields (`From`, `To`, …). */
  streamParameters?: (form: URLSearchParams) => Record<string, string>;
  /**
   * Twilio credentials: they enable signature validation, the REST hang-up and the default
   * transfer. Without an auth token the server refuses to start unless `allowUnsigned: true`.
   */
  twilio?: TwilioRestOptions & {
    /** Check `X-Twilio-Signature` on the webhook and the stream's upgrade. Default: on when an auth token is given. */
    validateSignature?: boolean;
  };
  /** Where the default transfer hook sends the caller (needs `twilio` credentials); `onTransfer` overrides it. */
  transfer?: TransferTarget;
}

/**
 * A ready phone bridge for Twilio: `POST /voice` answers with `<Connect><Stream>` TwiML, `/media`
 * takes the stream, and each call is bridged to a fresh agent session (at 8 kHz where the agent's
 * dialect allows, so nothing is resampled). With Twilio credentials it validates request
 * signatures, hangs up through the REST API and can transfer to a human. `@voxwire/phone`'s
 * `createPhoneBridge` serves Twilio beside other carriers (`twilioCarrier()`).
 */
export async function createPhoneBridge(options: PhoneBridgeServerOptions): Promise<PhoneBridgeServer> {
  if (options === null || typeof options !== "object" || !options.agent) {
    throw new ConfigError("createPhoneBridge needs { agent }: a dialect or a factory", { dialect: DIALECT_NAME });
  }
  const { paths, twilio, transfer, streamParameters, ...rest } = options;
  const leg = twilioCarrier({
    ...(twilio ? { twilio } : {}),
    ...(transfer ? { transfer } : {}),
    ...(streamParameters ? { streamParameters } : {}),
    ownTransferHook: options.onTransfer !== undefined,
  });
  return servePhone({ ...rest, carriers: [{ leg, answerPath: paths?.voice ?? "/voice", mediaPath: paths?.media ?? "/media" }] });
}
