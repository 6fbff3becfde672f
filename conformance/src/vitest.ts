import { basename, dirname } from "node:path";
import type { ConnectPlan, Dialect, PeerCodec, WireAudioFormat } from "@voxwire/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClientTarget } from "./client-target.js";
import { checkGoldenFile, GOLDEN_BASE_URL, GOLDEN_KEY, type GoldenSubject } from "./golden/check-golden.js";
import { frameFromJson } from "./golden/golden-frame.js";
import { type GoldenFile, goldenPaths, readGolden } from "./golden/read-golden.js";
import type { ConformanceSubject, PhoneLegSubject } from "./live/live-subject.js";
import { runPhoneLeg } from "./live/phone-leg.js";
import { runConformance } from "./live/run-conformance.js";
import { type CatalogEntry, PHONE_LEG_CATALOG, SCENARIO_CATALOG } from "./live/scenario-catalog.js";
import type { DialectReport } from "./live/scenario-result.js";
import { offlineEnv } from "./offline-env.js";

/*
 * The shared suite: one call per adapter, `describeConformance(omniSubject)`. Everything it
 * checks is done by framework-free code the CLI uses too (the golden checker, the scenario
 * runner); this file only turns results into tests. Published as `@voxwire/conformance/vitest`,
 * so a dialect written outside this repository runs the same suite on itself.
 */

export interface ConformanceOptions {
  /** The golden folder's name under this package's `golden/` (default: the subject's name). */
  golden?: string;
  /** A folder of golden files of your own (a dialect outside this repository); overrides `golden`. */
  goldenDir?: string;
  /** Run the live scenarios against the built-in simulator (default: when the subject has one). */
  live?: boolean;
  /** Scenario ids to skip, each with why. */
  skip?: Readonly<Record<string, string>>;
  /** Cases per never-throws property (default 300). */
  fuzzRuns?: number;
  /** The decode fuzzing's frame sequences, beyond what the goldens suggest. */
  fuzz?: FuzzOptions;
}

export interface FuzzOptions {
  /** The wire's own message shapes with fields of any value (sent as JSON text). */
  messages?: fc.Arbitrary<unknown>;
  /** Largest binary frame to try (default 2048 bytes). */
  maxBytes?: number;
  /** Every frame gives the client at least one event, never an empty array. */
  nonEmpty?: boolean;
  /** Puts a fresh peer codec in a live connection's state first (a Twilio stream started). */
  warmUpPeer?(peer: PeerCodec): void;
}

type Subject = ConformanceSubject | PhoneLegSubject;

const isPhoneLeg = (subject: Subject): subject is PhoneLegSubject => "dial" in subject;

/**
 * The shared conformance suite for one dialect: its golden frames through both roles, `decode`
 * of arbitrary frame sequences never throwing (client and peer), and the live scenarios against
 * its built-in simulator (a client dialect dials its vendor's simulator; a phone leg is served and
 * its carrier's simulator dials it), skipped by the dialect's declared capabilities.
 */
export function describeConformance(subject: Subject, options: ConformanceOptions = {}): void {
  const name = subject.name;
  const phoneLeg = isPhoneLeg(subject);
  describe(`${name} conformance`, () => {
    const dir = options.goldenDir;
    const goldens = (dir ? goldenPaths(basename(dir), dirname(dir)) : goldenPaths(options.golden ?? name)).map((path) => readGolden(path));
    const sample = phoneLeg ? subject.dialect() : subject.client(sampleTarget(goldens[0]));
    const goldenSubject: GoldenSubject = phoneLeg ? { name, client: () => subject.dialect() } : subject;

    describe("golden frames", () => {
      if (goldens.length === 0) it.skip(`no golden files for ${name}`, () => {});
      for (const golden of goldens) {
        it(`${golden.scenario}: ${golden.header.title}`, async () => {
          const report = await checkGoldenFile(golden, goldenSubject);
          const problems = [...report.problems, ...report.lines.flatMap((l) => l.problems.map((p) => `line ${l.lineNo} (${l.summary}): ${p}`))];
          expect(problems, `${golden.path}\nsource: ${report.source.join("; ")}`).toEqual([]);
        });
      }
    });

    describe("decoding never throws", () => {
      const plan = fuzzPlan(sample, goldens[0]);
      const sequences = fc.array(fuzzFrames(goldens, options.fuzz), { maxLength: 20 });
      const runs = options.fuzzRuns ?? 300;
      it("client decode: every frame of any sequence gives events that keep it as raw", () => {
        fc.assert(
          fc.property(sequences, (frames) => {
            const codec = sample.createCodec(plan, offlineEnv());
            warmUp(codec, goldens[0]);
            for (const frame of frames) {
              const events = codec.decode(frame);
              expect(Array.isArray(events)).toBe(true);
              if (options.fuzz?.nonEmpty) expect(events.length).toBeGreaterThan(0);
              for (const event of events) expectRawOf(event, frame);
            }
          }),
          { numRuns: runs },
        );
      });
      it("client close and upgrade refusal, any code and text", () => {
        const codec = sample.createCodec(plan, offlineEnv());
        fc.assert(
          fc.property(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 100, max: 599 }), fc.string(), (code, status, text) => {
            const events = codec.close(code, text);
            expect(events.at(-1)?.type).toBe("session-ended");
            expect(codec.upgradeRejected(status, text).code).toBeTypeOf("string");
          }),
          { numRuns: runs },
        );
      });
      const peerOf = sample.createPeerCodec;
      (peerOf ? it : it.skip)("peer decode: every frame of any sequence gives an array", () => {
        fc.assert(
          fc.property(sequences, (frames) => {
            const peer = peerOf!(plan);
            options.fuzz?.warmUpPeer?.(peer);
            for (const frame of frames) expect(Array.isArray(peer.decode(frame))).toBe(true);
          }),
          { numRuns: runs },
        );
      });
    });

    describe("live scenarios (built-in simulator)", () => {
      const live = options.live ?? (phoneLeg || subject.front !== undefined);
      if (!live) {
        it.skip("no built-in simulator", () => {});
        return;
      }
      let report: Promise<DialectReport> | undefined;
      const run = () => {
        report ??= phoneLeg ? runPhoneLeg(subject, { fast: true }) : runConformance(subject, { fast: true });
        return report;
      };
      const catalog: readonly CatalogEntry[] = phoneLeg ? PHONE_LEG_CATALOG : SCENARIO_CATALOG;
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
 * An event keeps its frame as `raw`: the frame itself, or, for a refused frame (oversize or
 * malformed), a prefix of it with `rawLength` giving the whole frame's length.
 */
function expectRawOf(event: { raw?: unknown; rawLength?: unknown }, frame: string | Uint8Array): void {
  if (event.rawLength === undefined) {
    expect(event.raw).toBe(frame);
    return;
  }
  expect(event.rawLength).toBe(frame.length);
  const raw = event.raw as string | Uint8Array;
  expect(raw.length).toBeLessThan(frame.length);
  if (typeof frame === "string") expect(frame.startsWith(raw as string)).toBe(true);
  else expect([...raw]).toEqual([...frame.subarray(0, raw.length)]);
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
function fuzzFrames(goldens: readonly GoldenFile[], options: FuzzOptions = {}): fc.Arbitrary<string | Uint8Array> {
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
  const own = options.messages ? [options.messages.map(jsonText)] : [];
  return fc.oneof(fc.uint8Array({ maxLength: options.maxBytes ?? 2048 }), fc.string({ maxLength: 512 }), fc.json({ maxDepth: 4 }), ...tagged, ...own);
}

/** A message as JSON text; values JSON cannot hold (a BigInt) give an empty object. */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch {
    return "{}";
  }
}
