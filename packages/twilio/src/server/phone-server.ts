import type { ConnectOptions } from "@voxwire/core";
import { ConfigError, type Dialect } from "@voxwire/core";
import { type BridgeOptions, type PhoneBridge, type PhoneBridgeServer, createPhoneBridge as servePhone, type TwilioCall } from "@voxwire/phone";
import { twilioCarrier } from "../carrier.js";
import { DIALECT_NAME } from "../wire.js";
import type { TransferTarget, TwilioRestOptions } from "./call-control.js";

export interface PhoneBridgeServerOptions extends BridgeOptions {
  /** The agent every call is bridged to: a client dialect, or a factory per call (it sees the `<Parameter>`s). */
  agent: Dialect | ((call: TwilioCall) => Dialect | Promise<Dialect>);
  /** Options for `connect()` of each agent session (timeouts, fetch, WebSocket, quality, logger). */
  agentOptions?: Omit<ConnectOptions, "input" | "output" | "signal">;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (put a tunnel or a proxy in front); `0.0.0.0` to listen on every interface. */
  host?: string;
  /** Default `/voice` (the number's "A call comes in" webhook) and `/media` (the stream). */
  paths?: { voice?: string; media?: string };
  /**
   * The public base URL Twilio reaches this server at (`https://abc.ngrok.app`): the `<Stream url>`
   * is built from it and request signatures are checked against it. Without it the URL follows
   * the request's `Host`, `X-Forwarded-Host` and `X-Forwarded-Proto`, which whoever sends the
   * webhook controls (behind a proxy that does not overwrite them, a caller could point the
   * stream elsewhere): set it in production. The server logs a warning at start when it is missing.
   */
  publicUrl?: string;
  /**
   * A stream that sends nothing for this long is dead (Twilio sends media every 20 ms while a
   * call is up): the call is ended on both legs, so a leg that sends `start` and then nothing
   * cannot hold an agent session billed to the operator. Default 10 000 ms; 0 turns it off.
   */
  phoneInactivityMs?: number;
  /** `<Parameter>`s for the stream, from the webhook's form fields (`From`, `To`, …). */
  streamParameters?: (form: URLSearchParams) => Record<string, string>;
  /** Twilio credentials: they enable signature validation, the REST hang-up and the default transfer. */
  twilio?: TwilioRestOptions & {
    /** Check `X-Twilio-Signature` on the webhook and the stream's upgrade. Default: on when an auth token is given. */
    validateSignature?: boolean;
  };
  /** Where the default transfer hook sends the caller (needs `twilio` credentials); `onTransfer` overrides it. */
  transfer?: TransferTarget;
  /** Called with each new bridge (to listen to its events). */
  onCall?: (bridge: PhoneBridge) => void;
  /** Live calls allowed at once; further streams are refused. Default unlimited. */
  maxCalls?: number;
  /**
   * Messages a socket sends within one callback leave in one write (default true): fewer system
   * calls once the bridge is overloaded. Off only to measure the difference.
   */
  batchWrites?: boolean;
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
