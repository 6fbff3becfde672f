import type { Dialect, InboundEventOf, WireFrame } from "@voxwire/core";
import type { HangupHook, TransferHook } from "./call-control.js";

/*
 * A carrier leg as the phone server needs it: the server-role dialect the carrier's stream
 * speaks, the answer document that points the carrier's call at the stream, and the carrier's
 * request-signature check. Each carrier package builds one (`twilioCarrier()`, …); the server
 * knows no carrier by name.
 */

/** One request from the carrier: a call webhook, or the stream's WebSocket upgrade. */
export interface CarrierRequest {
  /** The URL as the carrier sent it (the public base, path and query): what signatures are computed over. */
  readonly url: string;
  readonly method: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The webhook's raw body ("" for an upgrade). */
  readonly body: string;
  /** The webhook's form fields (an urlencoded body; empty otherwise). */
  readonly form: URLSearchParams;
}

/** What the webhook answers: TwiML, TeXML, Plivo XML, an NCCO. */
export interface AnswerDocument {
  readonly contentType: string;
  readonly body: string;
}

export interface AnswerContext {
  /** The stream URL the document points the carrier at (`wss://public/media`). */
  readonly streamUrl: string;
  /** The webhook's query and form fields together (`From`, `To`, `CallSid`, …). */
  readonly fields: URLSearchParams;
}

export interface CarrierLeg {
  /** The leg's dialect name: `twilio`, `telnyx`, …; also its `--carrier` value. */
  readonly name: string;
  /** A fresh server-role dialect for one stream served on `mediaPath`. */
  dialect(mediaPath: string): Dialect;
  /** The webhook's answer, pointing the carrier's stream at `context.streamUrl`; absent where the carrier is configured otherwise. */
  answer?(context: AnswerContext): AnswerDocument;
  /**
   * Checks a request's signature: false refuses it (403). Absent, or `undefined` returned, when no
   * secret is configured. `kind` says whether it is the call webhook or the stream's upgrade.
   */
  verify?(request: CarrierRequest, kind: "webhook" | "stream"): boolean | undefined;
  /**
   * The option that lets `verify` check this leg (`twilio.authToken (--twilio-auth-token)`): named
   * in the error the server gives when it would start without a way to verify the carrier.
   */
  readonly verifiedBy?: string;
  /** Transfer through the carrier's REST API, when credentials and a target are configured. */
  readonly onTransfer?: TransferHook;
  /** Hang-up through the carrier's REST API, when credentials are configured. */
  readonly onHangup?: HangupHook;
  /** Reads the carrier's flow control (Asterisk `MEDIA_XOFF` / `MEDIA_XON`) for the bridge. */
  readonly flowSignal?: FlowSignal;
  /** The most audio the carrier buffers, in ms (Vonage: 3,072 messages): a larger `leadMs` is refused. */
  readonly maxLeadMs?: number;
  /**
   * How the leg recognises its carrier on a shared stream path (carrier detection): from the
   * upgrade and the frames so far, `"yes"`, `"no"`, or `"wait"` for another frame. A leg decides
   * on a start message or a first binary frame, never on a `connected` alone (Twilio, Telnyx and
   * Exotel all open with one).
   */
  detect?(input: DetectInput): Detection;
}

export type Detection = "yes" | "no" | "wait";

/** What carrier detection sees of a stream: the upgrade and the frames received so far. */
export interface DetectInput {
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The subprotocols the carrier offered (Asterisk: `media`). */
  readonly protocols: readonly string[];
  readonly frames: readonly WireFrame[];
}

/** The JSON object a text frame holds, or undefined (detection's helper: never throws). */
export function jsonFrame(frame: WireFrame | undefined): Readonly<Record<string, unknown>> | undefined {
  if (typeof frame !== "string" || !frame.startsWith("{")) return undefined;
  try {
    const value: unknown = JSON.parse(frame);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A carrier's "stop sending" and "send again", read from a phone leg's passthrough messages (spec
 * v1 has no event for them): `"pause"`, `"resume"`, or undefined for anything else.
 */
export type FlowSignal = (event: InboundEventOf<"passthrough">) => "pause" | "resume" | undefined;

/** A carrier leg at its paths on the phone server. */
export interface CarrierRoute {
  readonly leg: CarrierLeg;
  /** The call webhook's path (default `/<name>/answer`); only where the leg answers. */
  readonly answerPath?: string;
  /** The stream's path (default `/<name>/media`). */
  readonly mediaPath?: string;
}
