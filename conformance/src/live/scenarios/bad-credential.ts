import { connect } from "@voxwire/core";
import { type AuthRefusal, describeObserved, describeRefusal, matchesRefusal, type ObservedRefusal } from "../auth-refusal.js";
import { asError } from "../conversation.js";
import { LiveCall } from "../live-call.js";
import { observedClose, observedRefusal } from "../observed-refusal.js";
import { failed, passed, type Scenario, type ScenarioOutcome, skipped } from "../scenario.js";
import { catalogEntry } from "../scenario-catalog.js";
import { APP_RATE } from "../test-audio.js";
import { WireTap } from "../wire-tap.js";

/** A key no vendor issued, made only of characters every credential slot accepts (a subprotocol too). */
export const WRONG_KEY = "voxwire-wrong-key-0000";
/** Errors that say nothing about the key: the target was not there. */
const UNREACHABLE: ReadonlySet<string> = new Set(["network", "timeout"]);
/** Error codes that mean "this credential will not do" when a dialect declares no refusal. */
const AUTH_CODES = new Set(["auth_failed", "missing_scope", "token_expired"]);

/** A wrong key is refused the way the vendor documents it (a close code, or the bootstrap call's status). */
export const badCredentialScenario: Scenario = {
  ...catalogEntry("bad-credential"),
  async run(ctx) {
    ctx.progress("dialing with a wrong key");
    const dialect = ctx.subject.client({ ...ctx.target, key: WRONG_KEY });
    const tap = new WireTap();
    let observed: ObservedRefusal;
    try {
      const call = await LiveCall.open(dialect, { appRate: APP_RATE, stepMs: ctx.stepMs, signal: ctx.signal, tap });
      const ended = await call.waitFor((e) => e.type === "session-ended", ctx.stepMs);
      const started = call.of("session-started").length > 0;
      if (!ended) {
        await call.close(1000);
        return failed(`a wrong key opened a session${started ? " and it started" : ""}: nothing refused it within ${ctx.stepMs} ms`);
      }
      observed = observedClose(call);
    } catch (error) {
      observed = observedRefusal(asError(error), tap.upgrade?.status);
    }
    if (observed.kind === "other" && UNREACHABLE.has(observed.errorCode))
      return skipped(`the target could not be reached (${observed.errorCode}): nothing to refuse the key`);
    const outcome = judge(ctx.subject.authRefusal, observed);
    if (outcome.status !== "passed") return outcome;
    // What an application sees: `await connect()` itself rejects with the typed error.
    const rejected = await connectRejects(ctx.subject.client({ ...ctx.target, key: WRONG_KEY }), ctx.stepMs, ctx.signal);
    return rejected === undefined ? outcome : failed(`${outcome.detail}, but ${rejected}`, outcome.measured);
  },
};

/** Why the default `connect()` did not reject with an auth-like error, or undefined if it did. */
async function connectRejects(dialect: Parameters<typeof connect>[0], stepMs: number, signal: AbortSignal): Promise<string | undefined> {
  try {
    const session = await connect(dialect, { timeouts: { bootstrapMs: stepMs, openMs: stepMs }, readyTimeoutMs: stepMs, signal });
    await session.close();
    return "connect() resolved with a wrong key instead of rejecting";
  } catch (error) {
    const code = asError(error).code;
    return AUTH_CODES.has(code) || code === "bootstrap_failed" || code === "invalid_request" ? undefined : `connect() rejected with ${code}`;
  }
}

function judge(expected: AuthRefusal | undefined, observed: ObservedRefusal): ScenarioOutcome {
  const seen = describeObserved(observed);
  const measured = { refusal: seen };
  if (!expected) {
    const authLike =
      AUTH_CODES.has(observed.errorCode ?? "") || (observed.kind === "bootstrap" && (observed.status === 401 || observed.status === 403));
    return authLike
      ? passed(`refused: ${seen} (the dialect declares no documented refusal)`, measured)
      : failed(`refused, but not as an auth failure: ${seen}`, measured);
  }
  if (matchesRefusal(expected, observed)) return passed(`refused with ${seen}, as documented (${expected.source})`, measured, `refused: ${seen}`);
  return failed(`refused with ${seen}; documented: ${describeRefusal(expected)} (${expected.source})`, measured);
}
