// The golden line format and checker: a malformed file is named by file and line, and the checker
// fails a golden (or an adapter) that is wrong, on the side that is wrong.
import { readFileSync } from "node:fs";
import { checkGoldenFile, checkGoldens, type GoldenSubject, goldenPaths, goldenRoot, parseGolden } from "@voxwire/conformance";
import type { DialectCodec, PeerCodec } from "@voxwire/core";
import { codecEnv } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../src/registry.js";

const omni = DIALECTS.omni!;
const dtmfText = () => readFileSync(goldenPaths("omni").find((p) => p.endsWith("/dtmf.jsonl"))!, "utf8");
const HEADER =
  '{"golden":1,"dialect":"omni","title":"t","source":"s","audio":{"outbound":{"encoding":"pcm16","sampleRate":24000},"inbound":{"encoding":"pcm16","sampleRate":24000}}}';

/** The subject with its codecs changed by `change` (a broken adapter). */
function broken(change: { client?: (codec: DialectCodec) => Partial<DialectCodec>; peer?: (codec: PeerCodec) => Partial<PeerCodec> }): GoldenSubject {
  return {
    name: "omni",
    client(target) {
      const dialect = omni.client(target);
      return {
        ...dialect,
        createCodec: (plan) => {
          const codec = dialect.createCodec(plan, codecEnv());
          return Object.assign(Object.create(codec) as DialectCodec, codec, change.client?.(codec) ?? {});
        },
        createPeerCodec: (plan) => {
          const codec = dialect.createPeerCodec!(plan);
          return { ...codec, ...(change.peer?.(codec) ?? {}) };
        },
      };
    },
  };
}

describe("golden files: the format", () => {
  it("every dialect's files parse, and each names its source", () => {
    for (const dialect of ["deepgram", "elevenlabs", "omni", "omnia", "openai", "orbitali", "token-first", "twilio"]) {
      const paths = goldenPaths(dialect);
      expect(paths.length).toBeGreaterThan(2);
      for (const path of paths) expect(parseGolden(readFileSync(path, "utf8"), path).header.source).not.toHaveLength(0);
    }
  });

  it("a malformed file is a typed error naming the file, the line and what is wrong", () => {
    const bad = (text: string) => () => parseGolden(text, "x.jsonl");
    expect(bad("")).toThrow(/x\.jsonl:1: empty file/);
    expect(bad('{"golden":2}')).toThrow(/x\.jsonl:1: header: golden/);
    expect(bad(`${HEADER}\nnot json`)).toThrow(/x\.jsonl:2: not a JSON line/);
    expect(bad(`${HEADER}\n{"dir":"in","frame":{"text":"{}"}}`)).toThrow(/x\.jsonl:2: events/);
    expect(bad(`${HEADER}\n{"dir":"sideways","frame":{"text":"{}"},"events":[]}`)).toThrow(/x\.jsonl:2: dir/);
    expect(bad(`${HEADER}\n{"dir":"in","frame":{"binary":"@@"},"events":[]}`)).toThrow(/x\.jsonl:2: frame/);
    expect(bad(`${HEADER}\n{"dir":"in","frame":{"text":"{}"},"events":[{"type":"nope"}]}`)).toThrow(/x\.jsonl:2: event 1 \(nope\)/);
    expect(bad(`${HEADER}\n{"dir":"in","frame":{"text":"{}"},"events":[{"type":"audio-chunk","audio":"AQI=","sampleRate":1}]}`)).toThrow(
      /event 1 \(audio-chunk\): sampleRate/,
    );
    expect(bad(`${HEADER}\n{"dir":"out","frame":{"text":"{}"},"events":[{"type":"agent-state","state":"idle"}]}`)).toThrow(/event 1 \(agent-state\)/);
  });
});

describe("golden files: the checker", () => {
  it("passes the goldens as they are, checking both sides of every line that has a mirror", async () => {
    const report = await checkGoldenFile(parseGolden(dtmfText(), "dtmf.jsonl"), omni);
    expect(report.passed).toBe(true);
    expect(report.lines.map((l) => l.checks)).toEqual([
      ["client decode", "peer encode"],
      ["client encode", "peer decode"],
      ["client encode", "peer decode"],
    ]);
  });

  it("fails a golden whose event or frame is wrong, on the line and the side that is wrong", async () => {
    const wrongEvent = dtmfText().replace('"type":"dtmf-received","digit":"5"', '"type":"dtmf-received","digit":"6"');
    const report = await checkGoldenFile(parseGolden(wrongEvent, "dtmf.jsonl"), omni);
    expect(report.passed).toBe(false);
    expect(report.lines[0]!.problems).toEqual([
      expect.stringMatching(/^client decode: event 1: expected .*"digit":"6".*got .*"digit":"5"/),
      expect.stringMatching(/^peer encode: frame 1:/),
    ]);
    const wrongFrame = dtmfText().replace(
      '{\\"type\\":\\"dtmf\\",\\"digit\\":\\"#\\",\\"duration_ms\\":120}',
      '{\\"type\\":\\"dtmf\\",\\"digit\\":\\"#\\"}',
    );
    const frameReport = await checkGoldenFile(parseGolden(wrongFrame, "dtmf.jsonl"), omni);
    expect(frameReport.lines[2]!.problems[0]).toMatch(/^client encode: frame 1: expected text .*got text .*duration_ms/);
  });

  it("fails an adapter whose client decode, client encode or peer is wrong", async () => {
    const golden = parseGolden(dtmfText(), "dtmf.jsonl");
    const deaf = await checkGoldenFile(golden, broken({ client: (c) => ({ decode: (f) => c.decode(f).filter((e) => e.type !== "dtmf-received") }) }));
    expect(deaf.lines[0]!.problems[0]).toMatch(/^client decode: event 1 missing/);
    const mute = await checkGoldenFile(golden, broken({ client: () => ({ encode: () => [] }) }));
    expect(mute.lines[1]!.problems[0]).toMatch(/^client encode: expected 1 frame\(s\), got 0/);
    const peer = await checkGoldenFile(golden, broken({ peer: () => ({ decode: () => [] }) }));
    expect(peer.lines[1]!.problems[0]).toMatch(/^peer decode: event 1 missing/);
    const throwing = await checkGoldenFile(
      golden,
      broken({
        client: () => ({
          decode: () => {
            throw new Error("boom");
          },
        }),
      }),
    );
    expect(throwing.lines[0]!.problems[0]).toBe("client decode threw: boom");
  });

  it("a one-way line is checked on the client's side only", async () => {
    const report = await checkGoldenFile(
      parseGolden(readFileSync(goldenPaths("omni").find((p) => p.endsWith("/tolerance.jsonl"))!, "utf8"), "t"),
      omni,
    );
    expect(report.passed).toBe(true);
    expect(report.lines.map((l) => l.checks.join("+"))).toEqual([
      "client decode+peer encode",
      "client decode",
      "client decode",
      "client decode",
      "client decode",
    ]);
  });

  it("checks the bootstrap request, the answer's plan, the dial and the plan's first frame", async () => {
    const [header, request, response, connect, token, ...rest] = readFileSync(
      goldenPaths("token-first").find((p) => p.endsWith("/handshake.jsonl"))!,
      "utf8",
    )
      .trim()
      .split("\n");
    const subject = DIALECTS["token-first"]!;
    const check = (...lines: string[]) => checkGoldenFile(parseGolden([header, ...lines].join("\n"), "h"), subject);
    expect((await check(request!, response!, connect!, token!, ...rest)).passed).toBe(true);
    const otherPath = await check(request!.replace("/api/v1/sdk/token", "/api/v2/token"));
    expect(otherPath.lines[0]!.problems[0]).toMatch(/^bootstrap request: URL https:\/\/your-api-url.com\/api\/v1\/sdk\/token, expected .*v2/);
    const otherToken = await check(request!, response!, connect!, token!.replace(/tf_example_token/g, "tf_another"));
    expect(otherToken.lines[3]!.problems[0]).toMatch(/^connect plan: frame 1: expected text .*tf_another/);
  });

  it("checkGoldens sums a dialect's files into one result, and names the first problems", async () => {
    const { result } = await checkGoldens(omni);
    expect(result).toMatchObject({ id: "golden", status: "passed" });
    expect(result.measured.files).toBe(goldenPaths("omni").length);
    const deaf = broken({ client: (c) => ({ decode: (f) => c.decode(f).filter((e) => e.type !== "playback-clear") }) });
    const failed = await checkGoldens(deaf, goldenRoot());
    expect(failed.result.status).toBe("failed");
    expect(failed.result.detail).toMatch(/^omni\/barge-in\.jsonl:3 client decode: event 1 missing/);
  });
});
