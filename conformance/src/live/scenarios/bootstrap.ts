import { describeObserved, matchesRefusal } from "../auth-refusal.js";
import { observedClose, observedRefusal } from "../observed-refusal.js";
import { failed, ms, passed, type Scenario } from "../scenario.js";
import { catalogEntry } from "../scenario-catalog.js";

/** The session opens with the given key: the bootstrap call (if any), the upgrade, the vendor's start. */
export const bootstrapScenario: Scenario = {
  ...catalogEntry("bootstrap"),
  async run(ctx) {
    const { refused, call, marks, tap } = await ctx.conversation();
    if (refused || !call) {
      const observed = observedRefusal(refused, tap.upgrade?.status);
      const expected = ctx.subject.authRefusal;
      const documented = expected && matchesRefusal(expected, observed) ? `: the key was refused as documented (${expected.source})` : "";
      return failed(`the session did not open: ${describeObserved(observed)}${documented}. ${refused?.message ?? ""}`);
    }
    const measured: Record<string, number | string> = { connectMs: ms(call.openedAtMs - call.dialedAtMs) };
    const http = call.tap.http[0];
    if (http?.response) measured.bootstrapMs = ms(http.response.atMs - http.atMs);
    if (call.tap.upgrade?.protocol) measured.subprotocol = call.tap.upgrade.protocol.replace(/\..*$/, ".…");
    if (marks.started === undefined) {
      const ended = call.of("session-ended")[0];
      if (!ended) return failed(`no session start within ${ctx.stepMs} ms of the socket opening`, measured);
      const observed = observedClose(call);
      const expected = ctx.subject.authRefusal;
      const documented = expected && matchesRefusal(expected, observed) ? `: the key was refused as documented (${expected.source})` : "";
      const error = call.of("error").find((e) => e.event.fatal)?.event;
      return failed(`the session ended before it started: ${describeObserved(observed)}${documented}.${error ? ` ${error.message}` : ""}`, measured);
    }
    const started = call.of("session-started")[0]!.event;
    measured.startedMs = ms(marks.started - call.openedAtMs);
    const ids = Object.keys(started.ids);
    const bootstrap = measured.bootstrapMs !== undefined ? ` (bootstrap call ${measured.bootstrapMs} ms)` : "";
    const summary = `connect ${measured.connectMs} ms${measured.bootstrapMs !== undefined ? ` (bootstrap call ${measured.bootstrapMs} ms)` : ""} · started +${measured.startedMs} ms`;
    return passed(
      `connected in ${measured.connectMs} ms${bootstrap}, session started ${measured.startedMs} ms after the socket opened${ids.length ? ` (ids: ${ids.join(", ")})` : ""}`,
      measured,
      summary,
    );
  },
};
