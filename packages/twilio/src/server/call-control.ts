import { ConfigError, httpError, NetworkError, SecretSet, TimeoutError, type VoxwireError } from "@voxwire/core";
import { callIdOf, type HangupHook, type TransferHook, type TransferRequest } from "@voxwire/phone";
import { dialTwiml } from "../twiml.js";
import { DIALECT_NAME } from "../wire.js";

/** Credentials and transport for Twilio's REST API. Never logged; redacted from every error. */
export interface TwilioRestOptions {
  /** The account that owns the calls (`AC…`). */
  accountSid: string;
  /** The account's auth token, or an API key's secret when `apiKeySid` is given. */
  authToken: string;
  /** An API key (`SK…`) to authenticate with instead of the account SID. */
  apiKeySid?: string;
  /** Default `https://api.twilio.com` (a local fake in tests). */
  baseUrl?: string;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Default 10 000 ms. */
  timeoutMs?: number;
}

const SID = /^[A-Za-z]{2}[A-Za-z0-9]{1,62}$/;

/**
 * `POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json` with form parameters (`Twiml`,
 * `Url`, `Status`…): Twilio's live-call update. Non-2xx answers become typed errors whose text
 * never holds the credentials.
 */
export async function updateCall(rest: TwilioRestOptions, callSid: string, params: Readonly<Record<string, string>>): Promise<void> {
  const secrets = new SecretSet().add(rest.authToken);
  const basic = Buffer.from(`${rest.apiKeySid ?? rest.accountSid}:${rest.authToken}`).toString("base64");
  secrets.add(basic);
  if (!rest.accountSid || !SID.test(rest.accountSid))
    throw new ConfigError("the Twilio accountSid is missing or malformed", { dialect: DIALECT_NAME });
  if (!rest.authToken) throw new ConfigError("the Twilio auth token is missing", { dialect: DIALECT_NAME });
  if (typeof callSid !== "string" || !SID.test(callSid))
    throw new ConfigError("no valid callSid to update (the stream has not started?)", { dialect: DIALECT_NAME });
  const fetchImpl = rest.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw new ConfigError("no fetch available for Twilio's REST API: pass `fetch`", { dialect: DIALECT_NAME });
  const base = (rest.baseUrl ?? "https://api.twilio.com").replace(/\/+$/, "");
  const url = `${base}/2010-04-01/Accounts/${rest.accountSid}/Calls/${callSid}.json`;
  const controller = new AbortController();
  const timeoutMs = rest.timeoutMs ?? 10_000;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams(params).toString(),
      signal: controller.signal,
    });
  } catch (error) {
    const why = secrets.redact(error instanceof Error ? error.message : String(error));
    if (controller.signal.aborted) throw new TimeoutError(`Twilio's REST API did not answer in ${timeoutMs} ms`, { dialect: DIALECT_NAME });
    throw new NetworkError(`Twilio's REST API could not be reached: ${why}`, { dialect: DIALECT_NAME });
  } finally {
    clearTimeout(timer);
  }
  const body = await response.text().catch(() => "");
  // Redact, then cut: a cut first could split a secret so that redaction misses the half left.
  if (!response.ok) throw restError(response.status, secrets.redact(body).slice(0, 2000));
}

function restError(status: number, body: string): VoxwireError {
  return httpError(status, `call update refused: ${body}`, DIALECT_NAME);
}

export interface TransferTarget {
  /** A number, `sip:` URI or `client:` identity to `<Dial>`; the agent's own target wins when it names one and `allowAgentTarget` is set. */
  to?: string;
  /** TwiML to put on the call instead of a `<Dial>`. */
  twiml?: string | ((request: TransferRequest) => string);
  /** A URL returning TwiML, instead. */
  url?: string;
  /** Dial the destination the agent named (off by default: an agent should not choose arbitrary numbers). */
  allowAgentTarget?: boolean;
  callerId?: string;
}

/** The default transfer hook: updates the live call to `<Dial>` the target (or to the given TwiML/URL). */
export function twilioTransferHook(rest: TwilioRestOptions, target: TransferTarget): TransferHook {
  if (!target || (target.to === undefined && target.twiml === undefined && target.url === undefined && !target.allowAgentTarget)) {
    throw new ConfigError("a transfer hook needs a target: `to`, `twiml` or `url`", { dialect: DIALECT_NAME });
  }
  return async (request) => {
    if (target.url !== undefined) return updateCall(rest, callIdOf(request), { Url: target.url, Method: "POST" });
    if (target.twiml !== undefined) {
      const twiml = typeof target.twiml === "function" ? target.twiml(request) : target.twiml;
      return updateCall(rest, callIdOf(request), { Twiml: twiml });
    }
    const to = (target.allowAgentTarget ? request.target : undefined) ?? target.to;
    if (to === undefined)
      throw new ConfigError("the agent asked for a transfer but named no target and none is configured", { dialect: DIALECT_NAME });
    return updateCall(rest, callIdOf(request), { Twiml: dialTwiml(to, target.callerId === undefined ? {} : { callerId: target.callerId }) });
  };
}

/** The default hang-up hook: `Status=completed` on the live call. */
export function twilioHangupHook(rest: TwilioRestOptions): HangupHook {
  return (request) => updateCall(rest, callIdOf(request), { Status: "completed" });
}
