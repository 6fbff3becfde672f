import { ProtocolError } from "../errors/error-classes.js";
import { parsePeerJson } from "./safe-json.js";

export interface ReadJsonObjectOptions {
  /** The dialect's name, for the error's `dialect`. */
  dialect: string;
  /** What the text is, for the message: `the token response`, `the create-call answer (HTTP 201)`. */
  what: string;
  /** The `vendorCode` to put on the error, when the failure has a vendor name. */
  vendorCode?: string;
}

/**
 * A bootstrap answer's body as a JSON object, or a fatal `ProtocolError`. The message gives the
 * length, never the body: a half-valid answer may still hold a token. Objects come back without
 * `__proto__`/`constructor`/`prototype` keys (see parsePeerJson).
 */
export function readJsonObject(text: string, options: ReadJsonObjectOptions): Record<string, unknown> {
  const fail = (why: string) =>
    new ProtocolError(`${options.what} ${why}`, {
      dialect: options.dialect,
      fatal: true,
      ...(options.vendorCode === undefined ? {} : { vendorCode: options.vendorCode }),
    });
  let parsed: unknown;
  try {
    parsed = parsePeerJson(text);
  } catch {
    throw fail(`is not JSON (${text.length} characters)`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw fail("is not a JSON object");
  return parsed as Record<string, unknown>;
}
