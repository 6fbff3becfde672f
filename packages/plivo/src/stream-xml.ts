import { ConfigError } from "@voxwire/core";
import { DIALECT_NAME, type PlivoContentType, streamContentType } from "./wire.js";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const XML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Plivo allows `extraHeaders` of at most 512 bytes, letters and digits only in names and values. */
const EXTRA_HEADER_PART = /^[A-Za-z0-9]+$/;

function escapeXml(text: string): string {
  return String(text)
    .replace(XML_FORBIDDEN, "")
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

export interface PlivoStreamOptions {
  /** The WebSocket Plivo opens: `wss://host/plivo/media`. */
  url: string;
  /** Must match `plivo({ contentType, sampleRate })`. */
  contentType?: PlivoContentType;
  sampleRate?: number;
  /** Passed to the stream as `extraHeaders` (arrives in `start` as `extra_headers`). */
  parameters?: Readonly<Record<string, string>>;
}

/**
 * Plivo XML for a two-way stream that keeps the call up (Plivo, "The Stream element":
 * https://www.plivo.com/docs/voice/xml/audiostream): `<Stream bidirectional="true"
 * keepCallAlive="true" contentType="audio/x-l16;rate=8000">wss://…</Stream>`.
 */
export function plivoStreamXml(options: PlivoStreamOptions): string {
  if (!options || typeof options.url !== "string" || !/^wss?:\/\//.test(options.url))
    throw new ConfigError("the Plivo stream url must be ws:// or wss://", { dialect: DIALECT_NAME });
  const type = streamContentType(options.contentType ?? "audio/x-l16", options.sampleRate ?? 8000);
  let attrs = ` bidirectional="true" keepCallAlive="true" contentType="${type}"`;
  const params = Object.entries(options.parameters ?? {});
  if (params.length > 0) {
    for (const [name, value] of params)
      if (!EXTRA_HEADER_PART.test(name) || !EXTRA_HEADER_PART.test(value))
        throw new ConfigError("Plivo extraHeaders take letters and digits only", { dialect: DIALECT_NAME });
    const extra = params.map(([name, value]) => `${name}=${value}`).join(",");
    if (extra.length > 512) throw new ConfigError("Plivo extraHeaders are at most 512 bytes", { dialect: DIALECT_NAME });
    attrs += ` extraHeaders="${extra}"`;
  }
  return `${XML_DECLARATION}<Response><Stream${attrs}>${escapeXml(options.url)}</Stream></Response>`;
}
