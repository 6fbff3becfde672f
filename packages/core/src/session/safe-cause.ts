/**
 * An error to keep as a typed error's `cause`: the error itself when nothing in its message (or
 * its causes') needs redacting, otherwise a copy with the redacted message, its name and its
 * `code` (`ECONNREFUSED`, `WS_ERR_INVALID_UTF8`), so the cause chain never carries a secret.
 */
export function safeCause(error: unknown, redact: (text: string) => string, depth = 0): unknown {
  if (!(error instanceof Error)) return typeof error === "string" ? redact(error) : undefined;
  const cause = depth < 4 && error.cause !== undefined ? safeCause(error.cause, redact, depth + 1) : undefined;
  const message = redact(error.message);
  if (message === error.message && cause === error.cause) return error;
  const copy = new Error(message, cause === undefined ? undefined : { cause });
  copy.name = error.name;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") (copy as { code?: string }).code = code;
  return copy;
}
