import { createPrivateKey, randomUUID, sign } from "node:crypto";
import { ConfigError } from "@voxwire/core";
import { callIdOf, type HangupHook, type RestTransport, restCall, type TransferHook } from "@voxwire/phone";
import { DIALECT_NAME } from "../wire.js";

/** A Vonage application's credentials: its id and private key (PEM). Never logged; redacted from every error. */
export interface VonageRestOptions extends RestTransport {
  applicationId: string;
  privateKey: string;
  /** Default `https://api.nexmo.com`. */
  baseUrl?: string;
}

export interface VonageTransferTarget {
  /** An NCCO to move the call to (for example a `connect` to a phone endpoint). */
  ncco?: readonly object[];
  /** Or a URL returning one. */
  url?: string;
  /** Or just a number to connect the caller to. */
  to?: string;
}

const UUID = /^[A-Za-z0-9-]{1,64}$/;

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString("base64").replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

/** An application JWT (RS256: `application_id`, `iat`, `exp`, `jti`) for the Voice API, valid for `ttlS`. */
export function vonageApplicationJwt(
  rest: Pick<VonageRestOptions, "applicationId" | "privateKey">,
  ttlS = 60,
  nowS = Math.floor(Date.now() / 1000),
): string {
  const head = b64url(JSON.stringify({ alg: "RS256", typ: "JWT" }));
  const claims = b64url(JSON.stringify({ application_id: rest.applicationId, iat: nowS, exp: nowS + ttlS, jti: randomUUID() }));
  const signature = sign("sha256", Buffer.from(`${head}.${claims}`), createPrivateKey(rest.privateKey));
  return `${head}.${claims}.${b64url(signature)}`;
}

/**
 * `PUT /v1/calls/{uuid}` (Vonage Voice API, "Modify an in-progress call":
 * https://developer.vonage.com/en/api/voice#updateCall) with `{"action":"hangup"}` or a
 * `transfer` to an NCCO; authenticated with an application JWT.
 */
export async function updateVonageCall(rest: VonageRestOptions, uuid: string, body: object): Promise<void> {
  if (!rest.applicationId || !UUID.test(rest.applicationId))
    throw new ConfigError("the Vonage applicationId is missing or malformed", { dialect: DIALECT_NAME });
  if (!rest.privateKey) throw new ConfigError("the Vonage application's private key is missing", { dialect: DIALECT_NAME });
  if (typeof uuid !== "string" || !UUID.test(uuid))
    throw new ConfigError("no valid call uuid to act on (the answer's headers carry it)", { dialect: DIALECT_NAME });
  let jwt: string;
  try {
    jwt = vonageApplicationJwt(rest);
  } catch {
    throw new ConfigError("the Vonage private key could not be read (PEM expected)", { dialect: DIALECT_NAME });
  }
  const base = (rest.baseUrl ?? "https://api.nexmo.com").replace(/\/+$/, "");
  await restCall({
    dialect: DIALECT_NAME,
    service: "Vonage's Voice API",
    method: "PUT",
    url: `${base}/v1/calls/${uuid}`,
    headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
    secrets: [jwt, rest.privateKey],
    ...(rest.fetch ? { fetch: rest.fetch } : {}),
    ...(rest.timeoutMs !== undefined ? { timeoutMs: rest.timeoutMs } : {}),
  });
}

export function vonageHangupHook(rest: VonageRestOptions): HangupHook {
  return (request) => updateVonageCall(rest, callIdOf(request), { action: "hangup" });
}

export function vonageTransferHook(rest: VonageRestOptions, target: VonageTransferTarget): TransferHook {
  if (!target || (target.ncco === undefined && target.url === undefined && target.to === undefined))
    throw new ConfigError("a Vonage transfer needs an ncco, a url or a number (to)", { dialect: DIALECT_NAME });
  const destination =
    target.url !== undefined
      ? { type: "ncco", url: [target.url] }
      : { type: "ncco", ncco: target.ncco ?? [{ action: "connect", endpoint: [{ type: "phone", number: target.to }] }] };
  return (request) => updateVonageCall(rest, callIdOf(request), { action: "transfer", destination });
}
