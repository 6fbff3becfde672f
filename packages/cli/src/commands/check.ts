import {
  type ConformanceSubject,
  checkGoldens,
  DEFAULT_STEP_MS,
  type DialectReport,
  PHONE_LEG_CATALOG,
  type PhoneLegSubject,
  runConformance,
  runPhoneLeg,
  type ScenarioResult,
  scenarioIds,
  tally,
} from "@voxwire/conformance";
import { renderReports } from "../check-report.js";
import { type CliCommand, type CliIo, UsageError } from "../command.js";
import { endpointUrl, parseCommandLine, wholeNumber } from "../command-line.js";
import { exitCodeFor, tallyLine } from "../exit-code.js";
import { KEY_OPTIONS, resolveKey } from "../key-source.js";
import { DIALECTS, PHONE_LEGS } from "../registry.js";
import { writeCheckReport } from "../report/write-report.js";
import { type ProgressLine, palette, withProgress } from "../terminal.js";

const GOLDEN = "golden";

const USAGE = `usage: voxwire check <dialect> [--url URL] [options]
       voxwire check --all [options]

Checks a dialect: its golden frames (both roles), then live scenarios against its built-in
simulator (no key, no network) or, with --url and a key, against a live endpoint. A phone leg
(twilio) is dialed by its carrier: the application's side is served and the carrier's simulator
dials it.
Dialects: ${Object.keys(DIALECTS).join(", ")}; phone legs: ${Object.keys(PHONE_LEGS).join(", ")}
Scenarios: ${[GOLDEN, ...scenarioIds()].join(", ")}; phone legs: ${PHONE_LEG_CATALOG.map((e) => e.id).join(", ")}

options:
  --all             every dialect against its built-in simulator
  --url URL         the vendor's base URL (what the dialect's baseUrl/apiUrl takes); needs a key
  --key-stdin       read the key for --url from standard input (one line)
  --key KEY         the key for --url on the command line: other users can see it (ps, shell
                    history), so prefer $VOXWIRE_KEY or --key-stdin
  --agent ID        the agent to talk to, where the dialect names one
  --rate HZ         the wire rate, where the client chooses it
  --only ID         run only this scenario, repeatable
  --fast            the built-in simulator without real-time pacing (quicker; pacing is not measured)
  --timeout-ms N    deadline of each network step (default ${DEFAULT_STEP_MS})
  --json            one JSON document on stdout (progress still on stderr)
  --report FILE     also write an HTML page to FILE: each scenario, its frames on a timeline,
                    jitter, barge-in latency and the tone's spectrum (self-contained, no network)
  --quiet           no progress on stderr

environment:
  VOXWIRE_KEY       the key for --url, when neither --key nor --key-stdin is given (ignored without --url)
  NO_COLOR          no colours on a terminal

Exit code: 0 all passed, 1 a failure, 2 a usage error. The last line is "N passed, N failed, N skipped".
`;

type CheckEntry = { kind: "client"; entry: ConformanceSubject } | { kind: "phone"; entry: PhoneLegSubject };

interface CheckPlan {
  entries: CheckEntry[];
  url?: string;
  key?: string;
  agentId?: string;
  sampleRate?: number;
  only?: string[];
  fast: boolean;
  stepMs: number;
  json: boolean;
  quiet: boolean;
  report?: string;
}

export const checkCommand: CliCommand = {
  name: "check",
  summary: "check a dialect (or --all) against its simulator or a live endpoint: golden frames and live scenarios",
  usage: USAGE,
  async run(argv: string[], io: CliIo): Promise<number> {
    const plan = await parseCheckArgs(argv, io);
    const colors = palette(io.stdout, io.env ?? process.env);
    const reports = await withProgress(io, plan.quiet, async (progress) => {
      const reports: DialectReport[] = [];
      for (const entry of plan.entries) reports.push(await checkOne(entry, plan, io, progress));
      return reports;
    });
    const counts = tally(reports.flatMap((r) => r.results));
    if (plan.json) {
      io.stdout.write(`${JSON.stringify({ voxwire: "check", version: 1, dialects: reports, summary: counts }, null, 2)}\n`);
      if (!plan.quiet) io.stderr.write(`${tallyLine(counts)}\n`);
    } else {
      io.stdout.write(`${renderReports(reports, colors)}\n${tallyLine(counts)}\n`);
    }
    if (plan.report !== undefined) await writeCheckReport(plan.report, reports, counts, { io, quiet: plan.quiet, secrets: [plan.key] });
    return exitCodeFor(counts);
  },
};

async function checkOne(which: CheckEntry, plan: CheckPlan, io: CliIo, progress: ProgressLine): Promise<DialectReport> {
  const results: ScenarioResult[] = [];
  const { entry } = which;
  const wantGolden = plan.url === undefined && (!plan.only || plan.only.includes(GOLDEN));
  if (wantGolden) {
    progress.update(`${entry.name} › golden frames`, true);
    const subject = which.kind === "client" ? which.entry : { name: entry.name, client: () => which.entry.dialect() };
    results.push((await checkGoldens(subject)).result);
  }
  const only = plan.only?.filter((id) => id !== GOLDEN);
  const target = which.kind === "phone" ? "built-in Twilio simulator" : plan.url ? "" : "built-in simulator";
  if (only && only.length === 0) return { dialect: entry.name, target, fast: plan.fast, results };
  let last = "";
  if (which.kind === "phone") {
    const phoneOnly = only?.filter((id) => PHONE_LEG_CATALOG.some((e) => e.id === id));
    if (phoneOnly && phoneOnly.length === 0) return { dialect: entry.name, target, fast: plan.fast, results };
    const report = await runPhoneLeg(which.entry, {
      fast: plan.fast,
      stepMs: plan.stepMs,
      ...(phoneOnly ? { only: phoneOnly } : {}),
      onProgress: (scenario, step) => {
        progress.update(`${entry.name} › ${scenario}: ${step}`, scenario !== last);
        last = scenario;
      },
    });
    return { ...report, results: [...results, ...report.results] };
  }
  const clientOnly = only?.filter((id) => scenarioIds().includes(id));
  if (clientOnly && clientOnly.length === 0) return { dialect: entry.name, target, fast: plan.fast, results };
  const report = await runConformance(which.entry, {
    ...(plan.url !== undefined ? { url: plan.url } : {}),
    ...(plan.key !== undefined ? { key: plan.key } : {}),
    ...(plan.agentId !== undefined ? { agentId: plan.agentId } : {}),
    ...(plan.sampleRate !== undefined ? { sampleRate: plan.sampleRate } : {}),
    ...(clientOnly ? { only: clientOnly } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
    fast: plan.fast,
    stepMs: plan.stepMs,
    onProgress: ({ dialect, scenario, step }) => {
      progress.update(`${dialect} › ${scenario}: ${step}`, scenario !== last);
      last = scenario;
    },
  });
  return { ...report, results: [...results, ...report.results] };
}

async function parseCheckArgs(argv: string[], io: CliIo): Promise<CheckPlan> {
  const { values, positionals } = parseCommandLine(argv, {
    all: { type: "boolean" },
    url: { type: "string" },
    ...KEY_OPTIONS,
    agent: { type: "string" },
    rate: { type: "string" },
    only: { type: "string", multiple: true },
    fast: { type: "boolean" },
    "timeout-ms": { type: "string" },
    json: { type: "boolean" },
    quiet: { type: "boolean" },
    report: { type: "string" },
  });
  const all = values.all ?? false;
  if (all && positionals.length > 0) throw new UsageError("--all takes no dialect");
  if (!all && positionals.length !== 1) throw new UsageError("name exactly one dialect, or --all");
  const keyFlag = values.key !== undefined ? "--key" : values["key-stdin"] ? "--key-stdin" : undefined;
  if (all && (values.url !== undefined || keyFlag !== undefined))
    throw new UsageError(`--all runs the built-in simulators: it takes no ${values.url !== undefined ? "--url" : keyFlag}`);
  if (keyFlag !== undefined && values.url === undefined) throw new UsageError(`${keyFlag} goes with --url (the built-in simulator needs none)`);
  if (values.url !== undefined) endpointUrl(values.url);
  if (values.report === "") throw new UsageError("--report needs a file name");
  const entries: CheckEntry[] = all
    ? [
        ...Object.values(DIALECTS).map((entry) => ({ kind: "client" as const, entry })),
        ...Object.values(PHONE_LEGS).map((entry) => ({ kind: "phone" as const, entry })),
      ]
    : [lookup(positionals[0]!)];
  if (entries.some((e) => e.kind === "phone") && values.url !== undefined) {
    throw new UsageError(
      `${positionals[0]} is dialed by its carrier: there is no URL to check; its side is served and the carrier's simulator dials it`,
    );
  }
  const known = [GOLDEN, ...new Set([...scenarioIds(), ...PHONE_LEG_CATALOG.map((e) => e.id)])];
  const unknown = (values.only ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new UsageError(`unknown scenario ${unknown.map((id) => `"${id}"`).join(", ")}; known: ${known.join(", ")}`);
  const sampleRate = wholeNumber(values.rate, "--rate", 8000, 48000);
  const stepMs = wholeNumber(values["timeout-ms"], "--timeout-ms", 100, 120_000) ?? DEFAULT_STEP_MS;
  // Last, once the command line is known good (it may read stdin). The environment's key only
  // counts for a live endpoint: it may be set for other commands.
  const key = values.url !== undefined ? (await resolveKey("check", values, io))?.key : undefined;
  if (values.url !== undefined && key === undefined) throw new UsageError("--url needs --key (or $VOXWIRE_KEY, or --key-stdin)");
  return {
    entries,
    ...(values.url !== undefined ? { url: values.url } : {}),
    ...(key !== undefined ? { key } : {}),
    ...(values.agent !== undefined ? { agentId: values.agent } : {}),
    ...(sampleRate !== undefined ? { sampleRate } : {}),
    ...(values.only !== undefined ? { only: values.only } : {}),
    fast: values.fast ?? false,
    stepMs,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    ...(values.report !== undefined ? { report: values.report } : {}),
  };
}

function lookup(name: string): CheckEntry {
  if (Object.hasOwn(DIALECTS, name)) return { kind: "client", entry: DIALECTS[name]! };
  if (Object.hasOwn(PHONE_LEGS, name)) return { kind: "phone", entry: PHONE_LEGS[name]! };
  throw new UsageError(`unknown dialect "${name}"; known: ${[...Object.keys(DIALECTS), ...Object.keys(PHONE_LEGS)].join(", ")}`);
}
