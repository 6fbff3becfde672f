/*
 * Call control as the bridge sees it: a hook to move the caller to a human, a hook to end the
 * call. Each carrier leg package provides hooks that call its carrier's REST API; the bridge only
 * calls them.
 */

/** What a call-control hook gets: the call's ids from the carrier's start message. */
export interface CallContext {
  /** The call id under Twilio's name (the same value as `callId`). */
  readonly callSid: string;
  readonly accountSid: string;
  readonly streamSid: string;
  readonly customParameters: Readonly<Record<string, string>>;
  /** The carrier leg's dialect name (set by the bridge). */
  readonly carrier?: string;
  /** The carrier's call id (set by the bridge; `callSid` holds the same). */
  readonly callId?: string;
  readonly streamId?: string;
  readonly accountId?: string;
}

export interface TransferRequest extends CallContext {
  /** Why the agent asked, when it said. */
  readonly reason?: string;
  /** Where to, when the agent named a destination. */
  readonly target?: string;
}

export interface HangupRequest extends CallContext {
  /** Why the bridge is hanging up (`agent-ended`, `agent-failed`, …). */
  readonly reason: string;
}

/** Moves the caller to a human. Resolves when done; a rejection becomes a bridge `error` event. */
export type TransferHook = (request: TransferRequest) => void | Promise<void>;
/** Ends the phone call. */
export type HangupHook = (request: HangupRequest) => void | Promise<void>;

/** The carrier's call id in a hook's request: `callId` where the bridge set it, else `callSid`. */
export function callIdOf(request: CallContext): string {
  return request.callId ?? request.callSid;
}
