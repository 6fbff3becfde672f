/** Query parameters whose values are credentials whatever their length. */
const CREDENTIAL_PARAM = /token|key|sig|auth|secret|jwt|pass|session|call/i;
/** A path segment or query value this long, with a digit in it, is an unguessable id: part of the capability. */
const CAPABILITY_LENGTH = 16;

/**
 * A dotted name of three or more short words (`google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent`,
 * a gRPC method path) names an endpoint, not a call: its digits are versions.
 */
const DOTTED_NAME = /^[A-Za-z][A-Za-z0-9]{0,23}(?:\.[A-Za-z][A-Za-z0-9]{0,23}){2,}$/;

function looksLikeId(value: string): boolean {
  return value.length >= CAPABILITY_LENGTH && /\d/.test(value) && !DOTTED_NAME.test(value);
}

/**
 * Everything of a signed or capability URL (a call's join URL, a socket URL with a token) that
 * must stay out of errors and logs: the whole URL, and the pieces an error might quote alone:
 * credential-named query values, and long path segments or query values (call ids, tokens).
 * Short or wordy values (`apiVersion=1`, `48000`, `server_web_socket`) are left alone: redacting
 * them would blank ordinary words.
 */
export function urlSecrets(socketUrl: string): string[] {
  const secrets = new Set<string>([socketUrl]);
  let url: URL;
  try {
    url = new URL(socketUrl);
  } catch {
    return [...secrets];
  }
  for (const [name, value] of url.searchParams) {
    if (value && (CREDENTIAL_PARAM.test(name) || looksLikeId(value))) secrets.add(value);
  }
  for (const segment of url.pathname.split("/")) {
    const decoded = decodeSafely(segment);
    if (looksLikeId(decoded)) secrets.add(decoded);
  }
  return [...secrets];
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
