import type { VoxwireError } from "@voxwire/core";
import type { AgentAudioHeard } from "./playback-ledger.js";

/** The call as Twilio's `start` describes it. */
export interface TwilioCall {
  readonly streamSid: string;
  readonly callSid: string;
  readonly accountSid: string;
  readonly tracks: readonly string[];
  /** The `<Parameter>`s of the `<Stream>`. */
  readonly customParameters: Readonly<Record<string, string>>;
}

/** Which side of the bridge something concerns. */
export type BridgeLeg = "phone" | "agent" | "bridge";

/** Why a bridged call ended. */
export type BridgeEndReason =
  /** Twilio stopped the stream (the caller hung up, or the call moved on). */
  | "caller-hung-up"
  /** Twilio stopped the stream after a transfer hook ran. */
  | "transferred"
  /** The agent ended its session; the call was hung up. */
  | "agent-ended"
  /** The phone leg failed (dropped socket, protocol error). */
  | "phone-failed"
  /** The agent leg failed, or could not be connected. */
  | "agent-failed"
  /** The application closed the bridge. */
  | "closed";

export type BridgeEvent =
  /** Twilio's `start` arrived: the call's ids and parameters. */
  | { type: "call-started"; call: TwilioCall }
  /** The agent session is live and bridged. */
  | { type: "agent-connected"; dialect: string }
  | AgentAudioHeard
  /** The agent cut its playback: Twilio was sent `clear` in the same turn, the bridge's queue dropped. */
  | { type: "barge-in"; turn: number; droppedMs: number }
  /** A keypad digit from the caller; `forwarded` when the agent's dialect takes DTMF. */
  | { type: "dtmf"; digit: string; forwarded: boolean }
  /** The agent asked for a human; the transfer hook is running. */
  | { type: "transfer"; call: TwilioCall; reason?: string; target?: string }
  /** Something went wrong on a leg or in a hook. `fatal` ends the call. */
  | { type: "error"; leg: BridgeLeg; code: string; message: string; fatal: boolean; error?: VoxwireError }
  /** The call is over; always the last event. `detail` is the ending leg's own reason. */
  | { type: "ended"; reason: BridgeEndReason; leg: BridgeLeg; detail: string };

export type BridgeEventType = BridgeEvent["type"];
export type BridgeEventOf<T extends BridgeEventType> = Extract<BridgeEvent, { type: T }>;
export type BridgeListener<T extends BridgeEventType | "*"> = (event: T extends BridgeEventType ? BridgeEventOf<T> : BridgeEvent) => void;
