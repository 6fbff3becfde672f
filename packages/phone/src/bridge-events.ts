import type { VoxwireError } from "@voxwire/core";
import type { AgentAudioHeard } from "./playback-ledger.js";

/**
 * The call as the carrier's start message describes it. The neutral ids come first; the same
 * values under Twilio's names (`streamSid`, `callSid`, `accountSid`) follow, so code written for
 * the Twilio bridge reads any carrier's call unchanged.
 */
export interface PhoneCall {
  /** The carrier leg's dialect name: `twilio`, `telnyx`, `plivo`, … */
  readonly carrier: string;
  /** The carrier's id of the call (Twilio CallSid, Telnyx call_control_id, Plivo callId, …): what its REST API acts on. */
  readonly callId: string;
  /** The carrier's id of this media stream ("" where the socket is the stream). */
  readonly streamId: string;
  /** The carrier account the call belongs to, where the carrier says ("" otherwise). */
  readonly accountId: string;
  /** `streamId` under Twilio's name. */
  readonly streamSid: string;
  /** `callId` under Twilio's name. */
  readonly callSid: string;
  /** `accountId` under Twilio's name. */
  readonly accountSid: string;
  readonly tracks: readonly string[];
  /** The parameters the answer document gave the stream (Twilio `<Parameter>`s, Telnyx custom_parameters, …). */
  readonly customParameters: Readonly<Record<string, string>>;
}

/** The Twilio bridge's name for a call; every carrier's call has this shape. */
export type TwilioCall = PhoneCall;

/** Which side of the bridge something concerns. */
export type BridgeLeg = "phone" | "agent" | "bridge";

/** Why a bridged call ended. */
export type BridgeEndReason =
  /** The carrier stopped the stream (the caller hung up, or the call moved on). */
  | "caller-hung-up"
  /** The carrier stopped the stream after a transfer hook ran. */
  | "transferred"
  /** The agent ended its session; the call was hung up. */
  | "agent-ended"
  /** The phone leg failed (dropped socket, protocol error). */
  | "phone-failed"
  /** The agent leg failed, or could not be connected. */
  | "agent-failed"
  /** The application closed the bridge. */
  | "closed"
  /** The server was draining and the call outlasted the drain timeout. */
  | "draining"
  /** The call reached the server's `maxCallMs`. */
  | "max-duration"
  /** The agent's vendor was about to end its session (`session-expiring`) and the session cannot resume. */
  | "agent-expiring"
  /** The silence watchdog hung up: the caller said nothing for `hangUpAfterMs`. */
  | "silence";

/** The reasons the application (or the server) gives when it ends a call itself. */
export type BridgeCloseReason = Extract<BridgeEndReason, "closed" | "draining" | "max-duration" | "agent-expiring" | "silence">;

export type BridgeEvent =
  /** The carrier's start message arrived: the call's ids and parameters. */
  | { type: "call-started"; call: PhoneCall }
  /** The agent session is live and bridged. */
  | { type: "agent-connected"; dialect: string }
  | AgentAudioHeard
  /** The agent cut its playback: the carrier was sent its clear in the same turn, the bridge's queue dropped. */
  | { type: "barge-in"; turn: number; droppedMs: number }
  /** A keypad digit from the caller; `forwarded` when the agent's dialect takes DTMF. */
  | { type: "dtmf"; digit: string; forwarded: boolean }
  /** The agent asked for a human; the transfer hook is running. */
  | { type: "transfer"; call: PhoneCall; reason?: string; target?: string }
  /** Something went wrong on a leg or in a hook. `fatal` ends the call. */
  | { type: "error"; leg: BridgeLeg; code: string; message: string; fatal: boolean; error?: VoxwireError }
  /** The call is over; always the last event. `detail` is the ending leg's own reason. */
  | { type: "ended"; reason: BridgeEndReason; leg: BridgeLeg; detail: string };

export type BridgeEventType = BridgeEvent["type"];
export type BridgeEventOf<T extends BridgeEventType> = Extract<BridgeEvent, { type: T }>;
export type BridgeListener<T extends BridgeEventType | "*"> = (event: T extends BridgeEventType ? BridgeEventOf<T> : BridgeEvent) => void;
