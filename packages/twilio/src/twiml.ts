import { ConfigError } from "@voxwire/core";
import { DIALECT_NAME } from "./wire.js";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const XML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
/** XML 1.0 forbids these control characters even escaped; they are removed. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for an XML attribute value or element body. */
export function escapeXml(text: string): string {
  return String(text)
    .replace(XML_FORBIDDEN, "")
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

export interface ConnectStreamOptions {
  /** The WebSocket Twilio opens: `wss://host/media` (`ws:` only for local tests). */
  url: string;
  /** A name for the stream (lets a later `<Stop><Stream name>` or REST call address it). */
  name?: string;
  /** Sent back in `start.customParameters`: the way to pass per-call data to the bridge. */
  parameters?: Readonly<Record<string, string>> | ReadonlyArray<readonly [string, string]>;
  /** Twilio posts stream status events here. */
  statusCallback?: string;
  statusCallbackMethod?: "GET" | "POST";
}

/**
 * TwiML that answers a call by opening a bidirectional Media Stream:
 * `<Response><Connect><Stream url="…"><Parameter name="…" value="…"/></Stream></Connect></Response>`.
 * `<Connect>`, not `<Start>`: only a connected stream takes audio, marks and clears back and sends DTMF.
 * Every attribute is escaped.
 */
export function connectStreamTwiml(options: ConnectStreamOptions): string {
  if (options === null || typeof options !== "object") throw new ConfigError("connectStreamTwiml needs { url }", { dialect: DIALECT_NAME });
  const url = checkStreamUrl(options.url);
  const attributes: [string, string | undefined][] = [
    ["url", url],
    ["name", options.name],
    ["statusCallback", options.statusCallback],
    ["statusCallbackMethod", options.statusCallbackMethod],
  ];
  const attrs = attributes
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
  const entries = options.parameters === undefined ? [] : Array.isArray(options.parameters) ? options.parameters : Object.entries(options.parameters);
  const params = (entries as ReadonlyArray<readonly [string, string]>)
    .map(([name, value]) => {
      if (typeof name !== "string" || name.length === 0) throw new ConfigError("a <Parameter> needs a non-empty name", { dialect: DIALECT_NAME });
      return `<Parameter name="${escapeXml(name)}" value="${escapeXml(String(value))}"/>`;
    })
    .join("");
  const stream = params.length > 0 ? `<Stream${attrs}>${params}</Stream>` : `<Stream${attrs}/>`;
  return `${XML_DECLARATION}<Response><Connect>${stream}</Connect></Response>`;
}

/**
 * TwiML that dials `target` (a number, a `sip:` URI or a `client:` identity): what the default
 * transfer hook puts on the call, which ends the stream and bridges the caller to a person.
 */
export function dialTwiml(target: string, options: { callerId?: string; timeoutSeconds?: number } = {}): string {
  if (typeof target !== "string" || target.trim().length === 0) throw new ConfigError("a transfer needs a target to dial", { dialect: DIALECT_NAME });
  const t = target.trim();
  const noun = t.startsWith("sip:")
    ? `<Sip>${escapeXml(t)}</Sip>`
    : t.startsWith("client:")
      ? `<Client>${escapeXml(t.slice("client:".length))}</Client>`
      : `<Number>${escapeXml(t)}</Number>`;
  const attrs =
    (options.callerId !== undefined ? ` callerId="${escapeXml(options.callerId)}"` : "") +
    (options.timeoutSeconds !== undefined ? ` timeout="${escapeXml(String(Math.round(options.timeoutSeconds)))}"` : "");
  return `${XML_DECLARATION}<Response><Dial${attrs}>${noun}</Dial></Response>`;
}

function checkStreamUrl(url: unknown): string {
  if (typeof url !== "string") throw new ConfigError("the stream url must be a string", { dialect: DIALECT_NAME });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError("the stream url is not a valid URL", { dialect: DIALECT_NAME });
  }
  if (parsed.protocol !== "wss:" && parsed.protocol !== "ws:") {
    throw new ConfigError(`the stream url must be wss:// (Twilio opens a WebSocket), got ${parsed.protocol}`, { dialect: DIALECT_NAME });
  }
  return url;
}
