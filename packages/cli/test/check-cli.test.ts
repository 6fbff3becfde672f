// `voxwire check`: the report, its JSON, its exit codes, and bad targets (unreachable, not a
// WebSocket, silent, a wrong key), each ending with a clear message in bounded time.

import { performance } from "node:perf_hooks";
import { type DialectReport, type Simulator, startSimulator } from "@voxwire/conformance";
import { omniFront } from "@voxwire/omni/testing";
import { captureIo, closedPortUrl, silentServer, webPageServer } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { exitCodeFor, tallyLine } from "../src/exit-code.js";
import { main } from "../src/main.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0)) await clean();
});

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1);

describe("voxwire check", () => {
  it("the exit code comes from one pure function", () => {
    expect(exitCodeFor({ passed: 3, failed: 0, skipped: 2 })).toBe(0);
    expect(exitCodeFor({ passed: 3, failed: 1, skipped: 0 })).toBe(1);
    expect(exitCodeFor({ passed: 0, failed: 0, skipped: 0 })).toBe(0);
    expect(exitCodeFor("usage")).toBe(2);
    expect(tallyLine({ passed: 1, failed: 2, skipped: 3 })).toBe("1 passed, 2 failed, 3 skipped");
  });

  it("--all --json: every dialect against its simulator, one JSON document on stdout, progress and the tally on stderr", async () => {
    const cli = captureIo();
    expect(await main(["check", "--all", "--fast", "--json"], cli.io)).toBe(0);
    const doc = JSON.parse(cli.stdout()) as { dialects: DialectReport[]; summary: { passed: number; failed: number; skipped: number } };
    expect(doc.dialects.map((d) => d.dialect)).toEqual([
      "omni",
      "omnia",
      "token-first",
      "orbitali",
      "openai",
      "elevenlabs",
      "gemini",
      "ultravox",
      "deepgram",
      "twilio",
      "telnyx",
      "plivo",
      "asterisk",
      "vonage",
      "exotel",
      "signalwire",
    ]);
    for (const report of doc.dialects) {
      expect(
        report.results.filter((r) => r.status === "failed"),
        report.dialect,
      ).toEqual([]);
      expect(report.results.map((r) => r.id).slice(0, 4)).toEqual(["golden", "bootstrap", "bad-credential", "audio"]);
    }
    // The phone leg: served here, dialed by the Twilio simulator, checked from both ends.
    const twilio = doc.dialects.find((d) => d.dialect === "twilio")!;
    expect(twilio.target).toBe("built-in twilio simulator");
    expect(twilio.results.map((r) => [r.id, r.status])).toEqual([
      ["golden", "passed"],
      ["bootstrap", "passed"],
      ["bad-credential", "skipped"],
      ["audio", "passed"],
      ["marks", "passed"],
      ["clear", "passed"],
      ["dtmf", "passed"],
      ["close", "passed"],
    ]);
    expect(twilio.results.find((r) => r.id === "audio")!.measured).toMatchObject({
      callerToneHz: expect.any(Number),
      agentToneHz: expect.any(Number),
    });
    const omni = doc.dialects[0]!.results;
    expect(omni.find((r) => r.id === "audio")!.measured).toMatchObject({ firstAudioMs: expect.any(Number), toneHeardHz: expect.any(Number) });
    expect(omni.find((r) => r.id === "barge-in")!.measured).toMatchObject({ bargeInMs: expect.any(Number), audioAfterClearMs: 0 });
    expect(doc.summary.failed).toBe(0);
    expect(cli.stderr()).toContain("omni › audio");
    expect(lastLine(cli.stderr())).toBe(tallyLine(doc.summary));
  }, 30_000);

  it("the human table ends with the tally; colour only on a terminal without NO_COLOR; --quiet prints no progress", async () => {
    const plain = captureIo();
    expect(await main(["check", "omni", "--fast", "--only", "golden", "--only", "bad-credential", "--quiet"], plain.io)).toBe(0);
    expect(plain.stdout()).toMatch(/^omni {2}built-in simulator, fast \(no pacing\)\n {2}PASS {2}golden +\d+ lines in \d+ files/);
    expect(plain.stdout()).toMatch(/PASS {2}bad-credential +refused: close 4401 \(auth_failed\)/);
    expect(lastLine(plain.stdout())).toBe("2 passed, 0 failed, 0 skipped");
    expect(plain.stdout()).not.toContain("\u001b[");
    expect(plain.stderr()).toBe("");

    const tty = captureIo({ tty: true });
    await main(["check", "omni", "--only", "golden", "--quiet"], tty.io);
    expect(tty.stdout()).toContain("\u001b[32mPASS\u001b[0m");
    const noColor = captureIo({ tty: true, env: { NO_COLOR: "1" } });
    await main(["check", "omni", "--only", "golden", "--quiet"], noColor.io);
    expect(noColor.stdout()).not.toContain("\u001b[");
  });

  it("usage errors exit 2 with the reason and the usage; an unknown dialect lists the known ones", async () => {
    const cases: [string[], string][] = [
      [["check"], "name exactly one dialect, or --all"],
      [
        ["check", "acme"],
        'unknown dialect "acme"; known: omni, omnia, token-first, orbitali, openai, elevenlabs, gemini, ultravox, deepgram, twilio',
      ],
      [["check", "twilio", "--url", "http://x.invalid", "--key", "k"], "twilio is dialed by its carrier: there is no URL to check"],
      [["check", "--all", "omni"], "--all takes no dialect"],
      [["check", "omni", "--url", "http://x.invalid"], "--url needs --key"],
      [["check", "omni", "--key", "k"], "--key goes with --url"],
      [["check", "omni", "--url", "ftp://x", "--key", "k"], "--url must be an http(s) or ws(s) URL"],
      [["check", "omni", "--only", "nope"], 'unknown scenario "nope"; known: golden, bootstrap'],
      [["check", "omni", "--timeout-ms", "soon"], "--timeout-ms takes a whole number"],
      [["check", "omni", "--bogus"], "voxwire check: unknown option --bogus\n"],
    ];
    for (const [argv, message] of cases) {
      const cli = captureIo();
      expect(await main(argv, cli.io), argv.join(" ")).toBe(2);
      expect(cli.stderr()).toContain(message);
      expect(cli.stderr()).toContain("usage: voxwire check");
    }
  });

  it("an unreachable URL, a web page and a silent server each end with a clear message and exit 1, within their deadlines", async () => {
    const page = await webPageServer();
    const silent = await silentServer();
    cleanups.push(page.close, silent.close);
    const run = async (url: string, dialect = "omni") => {
      // The key from the environment: a key on argv would add its warning to stderr.
      const cli = captureIo({ env: { VOXWIRE_KEY: "k" } });
      const started = performance.now();
      const code = await main(["check", dialect, "--url", url, "--timeout-ms", "300", "--quiet"], cli.io);
      return { code, out: cli.stdout(), err: cli.stderr(), ms: performance.now() - started };
    };
    const refused = await run(await closedPortUrl());
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/FAIL {2}bootstrap +the session did not open: network\. .*ECONNREFUSED/);
    expect(refused.out).toMatch(/skip {2}bad-credential +the target could not be reached \(network\)/);

    const notWebSocket = await run(page.url);
    expect(notWebSocket.code).toBe(1);
    expect(notWebSocket.out).toContain("FAIL  bootstrap       the session did not open: HTTP 200 at the upgrade");
    const notJson = await run(page.url, "token-first");
    expect(notJson.out).toMatch(/FAIL {2}bootstrap +the session did not open: protocol_violation\. .*the token response is not JSON/);

    const hang = await run(silent.url);
    expect(hang.code).toBe(1);
    expect(hang.out).toMatch(/FAIL {2}bootstrap +the session did not open: timeout\. .*took longer than 300 ms/);
    expect(hang.ms).toBeLessThan(10_000);
    for (const r of [refused, notWebSocket, notJson, hang]) {
      expect(r.err).toBe("");
      expect(r.out).not.toMatch(/\n\s+at /); // no stack trace
      expect(lastLine(r.out)).toMatch(/^\d+ passed, [1-9]\d* failed, \d+ skipped$/);
    }
  }, 20_000);

  describe("against a running simulator by URL", () => {
    let sim: Simulator;
    const start = async () => {
      sim = await startSimulator({ front: omniFront(), fast: true, keys: ["pyai_test_goodKey01"] });
      cleanups.push(() => sim.close());
    };

    it("a wrong key: bootstrap fails naming the documented refusal (close 4401), the rest needing a session is skipped", async () => {
      await start();
      const cli = captureIo();
      expect(await main(["check", "omni", "--url", sim.url, "--key", "pyai_test_wrongKey", "--quiet"], cli.io)).toBe(1);
      const out = cli.stdout();
      expect(out).toMatch(
        /FAIL {2}bootstrap +the session ended before it started: close 4401 \(auth_failed\): the key was refused as documented \(Omni browser and phone-bridge guides, "Troubleshooting" \(docs\/sources\.md\)/,
      );
      expect(out).toMatch(/PASS {2}bad-credential +refused: close 4401 \(auth_failed\)/);
      expect(out).toMatch(/skip {2}audio +no session \(see bootstrap\)/);
      expect(out).not.toContain("pyai_test_wrongKey");
      expect(lastLine(out)).toBe("1 passed, 1 failed, 12 skipped");
    });

    it("the right key: the live scenarios pass by URL too (the simulator-only checks are noted, not failed)", async () => {
      await start();
      const cli = captureIo();
      const code = await main(
        [
          "check",
          "omni",
          "--url",
          sim.url,
          "--key",
          "pyai_test_goodKey01",
          "--only",
          "bootstrap",
          "--only",
          "audio",
          "--only",
          "close",
          "--json",
          "--quiet",
        ],
        cli.io,
      );
      const doc = JSON.parse(cli.stdout()) as { dialects: DialectReport[] };
      expect(doc.dialects[0]!.results.map((r) => [r.id, r.status])).toEqual([
        ["bootstrap", "passed"],
        ["audio", "passed"],
        ["close", "passed"],
      ]);
      expect(doc.dialects[0]!.results[1]!.detail).toContain("the tone's rate is checked only on the built-in simulator");
      expect(code).toBe(0);
      expect(cli.stdout()).not.toContain("pyai_test_goodKey01");
    }, 15_000);
  });
});
