import { ConfigError, type Dialect, redactUrl, SecretSet } from "@voxwire/core";
import type { ClientTarget } from "../client-target.js";
import { DEFAULT_SIMULATOR_KEY, type Simulator, startSimulator } from "../simulator/start-simulator.js";
import { conformanceScriptFor } from "./conformance-agent.js";
import { asError, type Conversation, runConversation } from "./conversation.js";
import type { ConformanceSubject } from "./live-subject.js";
import type { Scenario, ScenarioContext, ScenarioOutcome } from "./scenario.js";
import { SCENARIO_CATALOG } from "./scenario-catalog.js";
import type { DialectReport, ScenarioResult } from "./scenario-result.js";
import { agentStateScenario } from "./scenarios/agent-state.js";
import { audioRoundTripScenario } from "./scenarios/audio-round-trip.js";
import { badCredentialScenario } from "./scenarios/bad-credential.js";
import { bargeInScenario } from "./scenarios/barge-in.js";
import { bootstrapScenario } from "./scenarios/bootstrap.js";
import { cleanCloseScenario } from "./scenarios/clean-close.js";
import { dtmfScenario } from "./scenarios/dtmf.js";
import { keepaliveScenario } from "./scenarios/keepalive.js";
import { sessionConfigScenario } from "./scenarios/session-config.js";
import { textInScenario } from "./scenarios/text-in.js";
import { toolCallScenario } from "./scenarios/tool-call.js";
import { transcriptsScenario } from "./scenarios/transcripts.js";
import { transferScenario } from "./scenarios/transfer.js";
import { truncationScenario } from "./scenarios/truncation.js";

/** Every live scenario, in the catalog's order (the order they run and print). */
export const SCENARIOS: readonly Scenario[] = [
  bootstrapScenario,
  badCredentialScenario,
  audioRoundTripScenario,
  bargeInScenario,
  transcriptsScenario,
  agentStateScenario,
  dtmfScenario,
  transferScenario,
  toolCallScenario,
  textInScenario,
  truncationScenario,
  sessionConfigScenario,
  keepaliveScenario,
  cleanCloseScenario,
].sort((a, b) => SCENARIO_CATALOG.findIndex((e) => e.id === a.id) - SCENARIO_CATALOG.findIndex((e) => e.id === b.id));

/** Errors that say the target is not there (not that it refused): no use dialing it again. */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set(["network", "timeout"]);

/** Default deadline of one network step, and of a whole scenario. */
export const DEFAULT_STEP_MS = 5000;
const SCENARIO_MS = 30_000;

export interface RunOptions {
  /** A live endpoint (the dialect's base URL); without it the dialect's built-in simulator runs. */
  url?: string;
  key?: string;
  agentId?: string;
  /** The wire rate where the client chooses it. */
  sampleRate?: number;
  /** Scenario ids to run (default all). */
  only?: readonly string[];
  /** The built-in simulator without real-time pacing (tests): quicker, but pacing is not measured. */
  fast?: boolean;
  /** Deadline of one network step (default 5000 ms). */
  stepMs?: number;
  signal?: AbortSignal;
  /** Called as scenarios start and as they make progress (the CLI's status line). */
  onProgress?(progress: { dialect: string; scenario: string; step: string }): void;
}

/** The scenario ids, for `--only` and its error message. */
export function scenarioIds(): string[] {
  return SCENARIOS.map((s) => s.id);
}

/**
 * Runs the live scenarios of one dialect against a URL, or against its built-in simulator
 * (started and stopped here). Framework-free: the CLI prints the report, `describeConformance`
 * turns it into tests. Never throws for what the target does (a refusal, a hang, a crash in a
 * scenario is a failed result); throws a ConfigError only for options that cannot work.
 */
export async function runConformance(subject: ConformanceSubject, options: RunOptions = {}): Promise<DialectReport> {
  const only = options.only;
  const unknown = only?.filter((id) => !SCENARIOS.some((s) => s.id === id)) ?? [];
  if (unknown.length > 0) throw new ConfigError(`unknown scenario ${unknown.map((id) => `"${id}"`).join(", ")}; known: ${scenarioIds().join(", ")}`);
  if (options.url === undefined && !subject.front) throw new ConfigError(`${subject.name} has no built-in simulator: give a --url`);

  const secrets = new SecretSet().add(options.key);
  const fast = options.url === undefined && options.fast === true;
  const abort = new AbortController();
  const onAbort = () => abort.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  let sim: Simulator | undefined;
  const results: ScenarioResult[] = [];
  const selected = SCENARIOS.filter((s) => !only || only.includes(s.id));
  const report = (target: string): DialectReport => ({ dialect: subject.name, target, fast, results });

  try {
    if (options.url === undefined) {
      // The agent calls the conformance tool where the dialect declares tool calls (its capabilities
      // read from a dialect built before the simulator's URL exists).
      const script = conformanceScriptFor(subject, {
        ...(options.key !== undefined ? { key: options.key } : {}),
        ...(options.agentId !== undefined ? { agentId: options.agentId } : {}),
        ...(options.sampleRate !== undefined ? { sampleRate: options.sampleRate } : {}),
      });
      sim = await startSimulator({ front: subject.front!(), fast, keys: [options.key ?? DEFAULT_SIMULATOR_KEY], ...(script ? { script } : {}) });
    }
    const target: ClientTarget = {
      url: sim?.url ?? options.url!,
      key: options.key ?? DEFAULT_SIMULATOR_KEY,
      ...(options.agentId !== undefined ? { agentId: options.agentId } : {}),
      ...(options.sampleRate !== undefined ? { sampleRate: options.sampleRate } : {}),
    };
    const where = sim ? "built-in simulator" : redactUrl(target.url, [target.key]);
    let dialect: Dialect;
    try {
      dialect = subject.client(target);
    } catch (error) {
      const why = secrets.redact(asError(error).message);
      for (const s of selected)
        results.push({
          id: s.id,
          title: s.title,
          status: s.id === "bootstrap" ? "failed" : "skipped",
          detail: `the dialect refused its options: ${why}`,
          measured: {},
        });
      return report(where);
    }
    if (dialect.role !== "client") {
      for (const s of selected)
        results.push({
          id: s.id,
          title: s.title,
          status: "skipped",
          detail: `${subject.name} is dialed by its peer (role "server"): no live scenarios here`,
          measured: {},
        });
      return report(where);
    }

    let conversation: Promise<Conversation> | undefined;
    let unreachable: string | undefined;
    let current = "";
    const ctx: ScenarioContext = {
      subject,
      dialect,
      capabilities: dialect.capabilities,
      target,
      sim,
      fast,
      stepMs: options.stepMs ?? DEFAULT_STEP_MS,
      signal: abort.signal,
      conversation: () => {
        conversation ??= runConversation(ctx).then((done) => {
          if (done.refused && UNREACHABLE_CODES.has(done.refused.code)) unreachable = `the target could not be reached (${done.refused.code})`;
          return done;
        });
        return conversation;
      },
      unreachable: () => unreachable,
      progress: (step) => options.onProgress?.({ dialect: subject.name, scenario: current, step }),
    };
    for (const scenario of selected) {
      current = scenario.id;
      const reason = scenario.skip?.(ctx);
      if (reason !== undefined) {
        results.push({ id: scenario.id, title: scenario.title, status: "skipped", detail: reason, measured: {} });
        continue;
      }
      ctx.progress("running");
      const outcome = await withDeadline(scenario.run(ctx), SCENARIO_MS);
      results.push({
        id: scenario.id,
        title: scenario.title,
        status: outcome.status,
        detail: secrets.redact(outcome.detail),
        measured: outcome.measured ?? {},
        ...(outcome.summary ? { summary: secrets.redact(outcome.summary) } : {}),
        ...(outcome.timeline ? { timeline: outcome.timeline.map((e) => (e.name === undefined ? e : { ...e, name: secrets.redact(e.name) })) } : {}),
        ...(outcome.timelineDropped ? { timelineDropped: outcome.timelineDropped } : {}),
        ...(outcome.spectrum ? { spectrum: outcome.spectrum } : {}),
      });
    }
    const last = await conversation?.catch(() => undefined);
    if (last?.call && !last.call.ended) await last.call.close(1000);
    return report(where);
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    abort.abort();
    await sim?.close();
  }
}

/** A scenario's outcome, or a failure when it throws or takes too long. */
async function withDeadline(work: Promise<ScenarioOutcome>, timeoutMs: number): Promise<ScenarioOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work.catch((error: unknown): ScenarioOutcome => ({ status: "failed", detail: `the scenario failed: ${asError(error).message}` })),
      new Promise<ScenarioOutcome>((resolve) => {
        timer = setTimeout(() => resolve({ status: "failed", detail: `did not finish within ${timeoutMs / 1000} s` }), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
