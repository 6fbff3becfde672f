import { ConfigError } from "@voxwire/core";
import { callIdOf, type HangupHook, type RestTransport, restCall, type TransferHook } from "@voxwire/phone";
import { DIALECT_NAME } from "../wire.js";

/** Credentials for Telnyx's Call Control API. Never logged; redacted from every error. */
export interface TelnyxRestOptions extends RestTransport {
  /** An API key (`KEY…`), sent as a Bearer token. */
  apiKey: string;
  /** Default `https://api.telnyx.com`. */
  baseUrl?: string;
}

export interface TelnyxTransferTarget {
  /** A number or SIP URI to transfer the call to. */
  to?: string;
  /** Transfer to the destination the agent named (off by default). */
  allowAgentTarget?: boolean;
  /** The caller id shown on the transferred leg. */
  from?: string;
}

/** A Call Control id is opaque (`v3:…`); only what can sit in a URL path segment is let through. */
const CALL_CONTROL_ID = /^[A-Za-z0-9:_\-.]{1,256}$/;

/**
 * `POST /v2/calls/{call_control_id}/actions/{action}` (Telnyx, "Call Control commands":
 * https://developers.telnyx.com/api-reference/call-commands/hangup-call and …/transfer-call).
 */
export async function telnyxCallAction(
  rest: TelnyxRestOptions,
  callControlId: string,
  action: "hangup" | "transfer",
  body: object = {},
): Promise<void> {
  if (!rest.apiKey) throw new ConfigError("the Telnyx API key is missing", { dialect: DIALECT_NAME });
  if (typeof callControlId !== "string" || !CALL_CONTROL_ID.test(callControlId))
    throw new ConfigError("no valid call_control_id to act on (the stream has not started?)", { dialect: DIALECT_NAME });
  const base = (rest.baseUrl ?? "https://api.telnyx.com").replace(/\/+$/, "");
  const authorization = `Bearer ${rest.apiKey}`;
  await restCall({
    dialect: DIALECT_NAME,
    service: "Telnyx's Call Control API",
    method: "POST",
    url: `${base}/v2/calls/${encodeURIComponent(callControlId)}/actions/${action}`,
    headers: { authorization, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
    secrets: [rest.apiKey, authorization],
    ...(rest.fetch ? { fetch: rest.fetch } : {}),
    ...(rest.timeoutMs !== undefined ? { timeoutMs: rest.timeoutMs } : {}),
  });
}

/** Hangs the call up through Call Control. */
export function telnyxHangupHook(rest: TelnyxRestOptions): HangupHook {
  return (request) => telnyxCallAction(rest, callIdOf(request), "hangup");
}

/** Transfers the call (Call Control `transfer`, `{ to }`). */
export function telnyxTransferHook(rest: TelnyxRestOptions, target: TelnyxTransferTarget): TransferHook {
  if (!target || (target.to === undefined && !target.allowAgentTarget))
    throw new ConfigError("a transfer hook needs a target: `to`", { dialect: DIALECT_NAME });
  return (request) => {
    const to = (target.allowAgentTarget ? request.target : undefined) ?? target.to;
    if (to === undefined)
      throw new ConfigError("the agent asked for a transfer but named no target and none is configured", { dialect: DIALECT_NAME });
    return telnyxCallAction(rest, callIdOf(request), "transfer", { to, ...(target.from ? { from: target.from } : {}) });
  };
}
