import { ConfigError } from "@voxwire/core";
import { DIALECT_NAME, type TelnyxCodec } from "./wire.js";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const XML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escapeXml(text: string): string {
  return String(text)
    .replace(XML_FORBIDDEN, "")
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

export interface TexmlStreamOptions {
  /** The WebSocket Telnyx opens: `wss://host/telnyx/media`. */
  url: string;
  /** `PCMU` (default), `PCMA` or `L16`; must match `telnyx({ codec })`. */
  codec?: TelnyxCodec;
  /** L16's rate (8000, 16000, 24000); must match `telnyx({ sampleRate })`. */
  sampleRate?: number;
  /** Sent back in `start.custom_parameters`. */
  parameters?: Readonly<Record<string, string>>;
  /** Seconds the call stays up after the stream starts (a TeXML `<Pause>`; default 14 400, four hours). The bridge hangs up through the REST API. */
  holdSeconds?: number;
}

/**
 * TeXML that streams the call both ways: `<Start><Stream bidirectionalMode="rtp" …>` (Telnyx,
 * "TeXML `<Stream>`", https://developers.telnyx.com/docs/voice/programmable-voice/texml-verbs/stream),
 * then a long `<Pause>` so the call stays up while the stream runs.
 */
export function texmlStream(options: TexmlStreamOptions): string {
  if (!options || typeof options.url !== "string" || !/^wss?:\/\//.test(options.url))
    throw new ConfigError("the TeXML stream url must be ws:// or wss://", { dialect: DIALECT_NAME });
  const codec = options.codec ?? "PCMU";
  const hold = options.holdSeconds ?? 14_400;
  if (!Number.isInteger(hold) || hold < 1) throw new ConfigError("holdSeconds must be a whole number of seconds ≥ 1", { dialect: DIALECT_NAME });
  let attrs = ` url="${escapeXml(options.url)}" track="inbound_track" bidirectionalMode="rtp" bidirectionalCodec="${escapeXml(codec)}"`;
  if (options.sampleRate !== undefined) attrs += ` bidirectionalSamplingRate="${options.sampleRate}"`;
  const params = Object.entries(options.parameters ?? {})
    .map(([name, value]) => `<Parameter name="${escapeXml(name)}" value="${escapeXml(value)}"/>`)
    .join("");
  const stream = params ? `<Stream${attrs}>${params}</Stream>` : `<Stream${attrs}/>`;
  return `${XML_DECLARATION}<Response><Start>${stream}</Start><Pause length="${hold}"/></Response>`;
}
