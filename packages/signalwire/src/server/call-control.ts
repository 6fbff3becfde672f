import { ConfigError } from "@voxwire/core";
import { callIdOf, type HangupHook, type RestTransport, restCall, type TransferHook } from "@voxwire/phone";
import { dialTwiml } from "@voxwire/twilio";
import { DIALECT_NAME } from "../wire.js";

/** A SignalWire Space's REST credentials. Never logged; redacted from every error. */
export interface SignalWireRestOptions extends RestTransport {
  /** `example` for `example.signalwire.com`. */
  space: string;
  projectId: string;
  apiToken: string;
  /** Default `https://{space}.signalwire.com` (a local fake in tests). */
  baseUrl?: string;
}

const ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The Compatibility API's live-call update (SignalWire, "Update a call":
 * https://developer.signalwire.com/compatibility-api/rest/update-a-call/):
 * `POST /api/laml/2010-04-01/Accounts/{ProjectID}/Calls/{CallSid}.json` with `Twiml=`, `Url=` or
 * `Status=completed`, Basic auth with the project id and API token.
 */
export async function updateSignalWireCall(rest: SignalWireRestOptions, callSid: string, params: Readonly<Record<string, string>>): Promise<void> {
  if (!rest.space || !/^[a-z0-9-]{1,63}$/i.test(rest.space))
    throw new ConfigError("the SignalWire space name is missing or malformed", { dialect: DIALECT_NAME });
  if (!rest.projectId || !ID.test(rest.projectId))
    throw new ConfigError("the SignalWire project id is missing or malformed", { dialect: DIALECT_NAME });
  if (!rest.apiToken) throw new ConfigError("the SignalWire API token is missing", { dialect: DIALECT_NAME });
  if (typeof callSid !== "string" || !ID.test(callSid))
    throw new ConfigError("no valid call sid to update (the stream has not started?)", { dialect: DIALECT_NAME });
  const basic = Buffer.from(`${rest.projectId}:${rest.apiToken}`).toString("base64");
  const base = (rest.baseUrl ?? `https://${rest.space}.signalwire.com`).replace(/\/+$/, "");
  await restCall({
    dialect: DIALECT_NAME,
    service: "SignalWire's Compatibility API",
    method: "POST",
    url: `${base}/api/laml/2010-04-01/Accounts/${rest.projectId}/Calls/${callSid}.json`,
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(params).toString(),
    secrets: [rest.apiToken, basic],
    ...(rest.fetch ? { fetch: rest.fetch } : {}),
    ...(rest.timeoutMs !== undefined ? { timeoutMs: rest.timeoutMs } : {}),
  });
}

export function signalwireHangupHook(rest: SignalWireRestOptions): HangupHook {
  return (request) => updateSignalWireCall(rest, callIdOf(request), { Status: "completed" });
}

/** Moves the caller with cXML `<Dial>` (or a cXML URL). */
export function signalwireTransferHook(rest: SignalWireRestOptions, target: { to?: string; url?: string; allowAgentTarget?: boolean }): TransferHook {
  if (!target || (target.to === undefined && target.url === undefined && !target.allowAgentTarget))
    throw new ConfigError("a transfer hook needs a target: `to` or `url`", { dialect: DIALECT_NAME });
  return (request) => {
    if (target.url !== undefined) return updateSignalWireCall(rest, callIdOf(request), { Url: target.url, Method: "POST" });
    const to = (target.allowAgentTarget ? request.target : undefined) ?? target.to;
    if (to === undefined)
      throw new ConfigError("the agent asked for a transfer but named no target and none is configured", { dialect: DIALECT_NAME });
    return updateSignalWireCall(rest, callIdOf(request), { Twiml: dialTwiml(to) });
  };
}
