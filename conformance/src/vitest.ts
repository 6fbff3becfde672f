import type { ConnectPlan, Dialect, WireAudioFormat } from "@voxwire/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClientTarget } from "./client-target.js";
import { checkGoldenFile, GOLDEN_BASE_URL, GOLDEN_KEY } from "./golden/check-golden.js";
import { frameFromJson } from "./golden/golden-frame.js";
import { type GoldenFile, goldenPaths, readGolden } from "./golden/read-golden.js";
import type { ConformanceSubject, PhoneLegSubject } from "./live/live-subject.js";
import { type CatalogEntry, PHONE_LEG_CATALOG, SCENARIO_CATALOG } from "./live/scenario-catalog.js";
import type { DialectReport } from "./live/scenario-result.js";

/*
 * The shared suite: one call per adapter, `describeConformance("omni")`. Everything it checks
 * is done by framework-free code the CLI uses too (the golden checker, the scenario runner);
 * this file only turns results into tests. It imports nothing that needs the adapters' builds:
 * the registry and the simulator are loaded at run time through the package's own entry, so an
 * adapter's typecheck never waits for its siblings.
 */

export interface ConformanceOptions {
  /** The golden folder (default: the dialect's name). */
  golden?: string;
  /** Run the live scenarios against the built-in simulator (default: when the dialect has one). */
  live?: boolean;
  /** Scenario ids to skip, each with why. */
  skip?: Readonly<Record<string, string>>;
  /** Cases per never-throws property (default 300). */
  fuzzRuns?: number;
}

/** The runtime half, loaded lazily (see above). */
interface Runtime {
  dialectEntry(name: string): ConformanceSubject;
  runConformance(subject: ConformanceSubject, options: { fast: boolean }): Promise<DialectReport>;
  PHONE_LEGS: Readonly<Record<string, PhoneLegSubject>>;
  runPhoneLeg(subject: PhoneLegSubject, options: { fast: boolean }): Promise<DialectReport>;
}
/** Not a literal, so type checkers do not follow it: resolved by vitest's alias in the workspace, by `exports` when installed. */
const RUNTIME_MODULE = ["@voxwire", "conformance"].join("/");
const loadRuntime = () => import(/* @vite-ignore */ RUNTIME_MODULE) as Promise<Runtime>;

/**
 * The shared conformance suite for one dialect: its golden frames through both roles,
 * `decode` of arbitrary bytes and strings never throwing (client and peer), and the live
 * scenarios against its built-in simulator, skipped by the dialect's declared capabilities.
 * `dialect` is a registry name, or a subject (name, client factory, optional simulator front).
 */
export function describeConformance(dialect: string | ConformanceSubject, options: ConformanceOptions = {}): void {
  const name = typeof dialect === "string" ? dialect : dialect.name;
  describe(`${name} conformance`, async () => {
    const subject = typeof dialect === "string" ? (await loadRuntime()).dialectEntry(dialect) : dialect;
    const goldens = goldenPaths(options.golden ?? name).map((path) => readGolden(path));
    const sample = subject.client(sampleTarget(goldens[0]));

    describe("golden frames", () => {
      if (goldens.length === 0) it.skip(`no golden files for ${name}`, () => {});
      for (const golden of goldens) {
        it(`${golden.scenario}: ${golden.header.title}`, async () => {
          const report = await checkGoldenFile(golden, subject);
          const problems = [...report.problems, ...report.lines.flatMap((l) => l.problems.map((p) => `line ${l.lineNo} (${l.summary}): ${p}`))];
          expect(problems, `${golden.path}\nsource: ${report.source.join("; ")}`).toEqual([]);
        });
      }
    });

    describe("decoding never throws", () => {
      const plan = fuzzPlan(sample, goldens[0]);
      const frames = fuzzFrames(goldens);
      const runs = options.fuzzRuns ?? 300;
      it("client decode, any frame", () => {
        const codec = sample.createCodec(plan);
        warmUp(codec, goldens[0]);
        fc.assert(
          fc.property(frames, (frame) => void codec.decode(frame)),
          { numRuns: runs },
        );
      });
      it("client close and upgrade refusal, any code and text", () => {
        const codec = sample.createCodec(plan);
        fc.assert(
          fc.property(fc.integer({ min: 1000, max: 4999 }), fc.integer({ min: 100, max: 599 }), fc.string(), (code, status, text) => {
            const events = codec.close(code, text);
            expect(events.at(-1)?.type).toBe("session-ended");
            expect(codec.upgradeRejected(status, text).code).toBeTypeOf("string");
          }),
          { numRuns: runs },
        );
      });
      const peerOf = sample.createPeerCodec;
      (peerOf ? it : it.skip)("peer decode, any frame", () => {
        const peer = peerOf!(plan);
        fc.assert(
          fc.property(frames, (frame) => void peer.decode(frame)),
          { numRuns: runs },
        );
      });
    });

    describe("live scenarios (built-in simulator)", () => {
      const client = sample.role === "client";
      const live = options.live ?? (client ? typeof dialect === "string" || dialect.front !== undefined : true);
      if (!live) {
        it.skip("no built-in simulator", () => {});
        return;
      }
      let report: Promise<DialectReport> | undefined;
      // A client dialect dials its vendor's simulator; a phone leg is served and its carrier's simulator dials it.
      const run = () => {
        report ??= loadRuntime().then((runtime) => {
          if (client) return runtime.runConformance(subject, { fast: true });
          const leg = runtime.PHONE_LEGS[name];
          if (!leg) throw new Error(`no phone leg "${name}" in the registry (PHONE_LEGS)`);
          return runtime.runPhoneLeg(leg, { fast: true });
        });
        return report;
      };
      const catalog: readonly CatalogEntry[] = client ? SCENARIO_CATALOG : PHONE_LEG_CATALOG;
      for (const entry of catalog) {
        const reason = options.skip?.[entry.id] ?? entry.skipFor?.(sample.capabilities);
        if (reason !== undefined) {
          it.skip(`${entry.title} (${reason})`, () => {});
          continue;
        }
        it(entry.title, async (context) => {
          const result = (await run()).results.find((r) => r.id === entry.id);
          if (result?.status === "skipped") context.skip(result.detail);
          expect(result?.status, result?.detail).toBe("passed");
        }, 60_000);
      }
    });
  });
}

/**
 * Feeds a codec the incoming frames of a golden file first, so the fuzzing also reaches the
 * states a live connection is in (a Twilio stream after `start`, a token-first session after `connected`).
 */
function warmUp(codec: { decode(frame: string | Uint8Array): unknown }, golden: GoldenFile | undefined): void {
  for (const { line } of golden?.entries ?? []) if ("frame" in line && line.dir === "in") codec.decode(frameFromJson(line.frame));
}

/** A target to build the dialect with for the fuzz properties: the first golden file's, or defaults. */
function sampleTarget(golden: GoldenFile | undefined): ClientTarget {
  const target = golden?.header.target;
  return {
    url: target?.url ?? GOLDEN_BASE_URL,
    key: target?.key ?? GOLDEN_KEY,
    ...(target?.agentId !== undefined ? { agentId: target.agentId } : {}),
    ...(target?.sampleRate !== undefined ? { sampleRate: target.sampleRate } : {}),
  };
}

/** The dialect's own plan when it has one without a bootstrap, else one with the golden header's formats. */
function fuzzPlan(dialect: Dialect, golden: GoldenFile | undefined): ConnectPlan {
  try {
    const preparation = dialect.prepare({ runtime: "node", now: Date.now() });
    if (preparation.kind === "plan") return preparation.plan;
  } catch {
    // fall through to the golden's formats
  }
  const pcm16: WireAudioFormat = { encoding: "pcm16", sampleRate: 16000 };
  return { url: "ws://fuzz.invalid/", audio: golden?.header.audio ?? { outbound: pcm16, inbound: pcm16 }, secrets: [] };
}

/**
 * Frames to throw at a decoder: any bytes, any string, any JSON, and (to reach past the type
 * switch) objects whose type tag is one the golden frames use, with random fields.
 */
function fuzzFrames(goldens: readonly GoldenFile[]): fc.Arbitrary<string | Uint8Array> {
  const tags = new Map<string, Set<string>>();
  // The fields the wire uses, so random values land where a decoder reads; and names every object has.
  const fields = new Set(["toString", "valueOf", "constructor", "hasOwnProperty"]);
  for (const golden of goldens) {
    for (const { line } of golden.entries) {
      if (!("frame" in line) || !("text" in line.frame)) continue;
      try {
        const value = JSON.parse(line.frame.text) as Record<string, unknown>;
        for (const key of Object.keys(value)) fields.add(key);
        for (const key of ["type", "event"])
          if (typeof value[key] === "string") (tags.get(key) ?? tags.set(key, new Set()).get(key)!).add(value[key] as string);
      } catch {
        // a malformed golden frame is a fuzz case of its own below
      }
    }
  }
  const fieldName = fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 12 }));
  const tagged = [...tags.entries()].map(([key, names]) =>
    fc
      .tuple(fc.constantFrom(...names), fc.dictionary(fieldName, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }))
      .map(([name, values]) => JSON.stringify({ ...values, [key]: name })),
  );
  return fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.string({ maxLength: 512 }), fc.json({ maxDepth: 4 }), ...tagged);
}
