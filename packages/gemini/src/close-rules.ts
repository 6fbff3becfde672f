import { AuthError, ConcurrencyLimitError, type ErrorFactory, InvalidRequestError, quotePeer, ServerError, TokenExpiredError } from "@voxwire/core";
import { GeminiClose } from "./wire.js";

/*
 * Gemini's failures as typed errors, layered over core's defaults (`closeEvents`, `httpError`).
 * The service sends no error message: it closes the socket with a code and a reason sentence,
 * and the Live reference documents neither. What clients observe, and what these rules read:
 *   - 1007 with "API key not valid" / "API key expired" during setup (yagudaev/voiceclaw PR #155
 *     shows the expired-key reason): the key was refused;
 *   - 1007 after a resumption with an old handle (https://discuss.ai.google.dev/t/186392): the
 *     handle was refused; any other 1007 is a request the service refused (a malformed message);
 *   - 1008 for an unknown model or an unsupported method: a refused request;
 *   - 1011 "Deadline expired" when the connection or session limit is reached (same thread), or a
 *     quota reason when the project is over its limits.
 * The reason is already redacted; it is quoted, cut, in the message.
 */

const KEY_REASON = /api[ _-]?key|credential|permission|unauthenticated|access token/i;
const RESUME_REASON = /resum|handle/i;
const QUOTA_REASON = /quota|resource[ _]?exhausted|rate limit|too many/i;
const DEADLINE_REASON = /deadline|duration|time ?limit/i;

export const GEMINI_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {
  [GeminiClose.badRequest]: (r, d) => {
    const said = quotePeer(r);
    if (KEY_REASON.test(r)) return new AuthError(`the API key or token was refused (close 1007)${said}`, { dialect: d });
    if (RESUME_REASON.test(r)) return new TokenExpiredError(`the resumption handle was refused (close 1007)${said}`, { dialect: d, fatal: true });
    return new InvalidRequestError(`the service refused the request (close 1007)${said}`, { dialect: d });
  },
  [GeminiClose.policy]: (r, d) => new InvalidRequestError(`the service refused the request (close 1008)${quotePeer(r)}`, { dialect: d }),
  [GeminiClose.deadline]: (r, d) => {
    const said = quotePeer(r);
    if (QUOTA_REASON.test(r)) return new ConcurrencyLimitError(`a quota or rate limit ended the connection (close 1011)${said}`, { dialect: d });
    if (DEADLINE_REASON.test(r)) return new ServerError(`the connection reached its deadline (close 1011)${said}`, { dialect: d });
    return new ServerError(`the service failed (close 1011)${said}`, { dialect: d });
  },
};

/** Upgrade statuses: core's defaults (400, 401, 403, 404, 429) read Google's error body for its status. */
export const GEMINI_HTTP_RULES: Readonly<Record<number, ErrorFactory>> = {};
