import { ConfigError } from "@voxwire/core";
import { callIdOf, type HangupHook, type RestTransport, restCall, type TransferHook } from "@voxwire/phone";
import { DIALECT_NAME } from "../wire.js";

/** Credentials for Plivo's REST API. Never logged; redacted from every error. */
export interface PlivoRestOptions extends RestTransport {
  /** The Auth ID (`MA…` or `SA…`). */
  authId: string;
  authToken: string;
  /** Default `https://api.plivo.com`. */
  baseUrl?: string;
}

export interface PlivoTransferTarget {
  /** An answer URL returning the Plivo XML to move the caller to (a `<Dial>`): the call's A leg is transferred to it. */
  url: string;
  method?: "GET" | "POST";
}

const ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * One request to the call resource (Plivo, "Call": hang up a call, transfer a call:
 * https://www.plivo.com/docs/voice/api/call): `DELETE /v1/Account/{auth_id}/Call/{call_uuid}/`,
 * or `POST` to it with `legs` and `aleg_url`, Basic auth with the Auth ID and token.
 */
export async function plivoCallRequest(rest: PlivoRestOptions, callUuid: string, method: "DELETE" | "POST", body?: object): Promise<void> {
  if (!rest.authId || !ID.test(rest.authId)) throw new ConfigError("the Plivo Auth ID is missing or malformed", { dialect: DIALECT_NAME });
  if (!rest.authToken) throw new ConfigError("the Plivo auth token is missing", { dialect: DIALECT_NAME });
  if (typeof callUuid !== "string" || !ID.test(callUuid))
    throw new ConfigError("no valid call UUID to act on (the stream has not started?)", { dialect: DIALECT_NAME });
  const basic = Buffer.from(`${rest.authId}:${rest.authToken}`).toString("base64");
  const base = (rest.baseUrl ?? "https://api.plivo.com").replace(/\/+$/, "");
  await restCall({
    dialect: DIALECT_NAME,
    service: "Plivo's REST API",
    method,
    url: `${base}/v1/Account/${rest.authId}/Call/${callUuid}/`,
    headers: { authorization: `Basic ${basic}`, "content-type": "application/json", accept: "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
    secrets: [rest.authToken, basic],
    ...(rest.fetch ? { fetch: rest.fetch } : {}),
    ...(rest.timeoutMs !== undefined ? { timeoutMs: rest.timeoutMs } : {}),
  });
}

export function plivoHangupHook(rest: PlivoRestOptions): HangupHook {
  return (request) => plivoCallRequest(rest, callIdOf(request), "DELETE");
}

export function plivoTransferHook(rest: PlivoRestOptions, target: PlivoTransferTarget): TransferHook {
  if (!target || typeof target.url !== "string" || !/^https?:\/\//.test(target.url))
    throw new ConfigError("a Plivo transfer needs the http(s) url of the XML to move the caller to", { dialect: DIALECT_NAME });
  return (request) => plivoCallRequest(rest, callIdOf(request), "POST", { legs: "aleg", aleg_url: target.url, aleg_method: target.method ?? "POST" });
}
