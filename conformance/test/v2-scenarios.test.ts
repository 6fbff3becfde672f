// The spec v2 live scenarios (tool-call, text-in, truncation, session-config, keepalive) on Relay,
// a test dialect with every v2 capability: each runs and passes on the built-in simulator, each
// fails when the dialect is broken the way it checks, and skips by capability.
import { NO_CAPABILITIES } from "@voxwire/core";
import { afterEach, describe, expect, it } from "vitest";
import { PlayedAudio } from "../src/live/played-audio.js";
import { runConformance } from "../src/live/run-conformance.js";
import { SCENARIO_CATALOG } from "../src/live/scenario-catalog.js";
import type { ScenarioResult } from "../src/live/scenario-result.js";
import { type Simulator, startSimulator } from "../src/simulator/start-simulator.js";
import { relayFront } from "./helpers/relay-peer.js";
import { relaySubject } from "./helpers/relay-subject.js";

const V2_SCENARIOS = ["tool-call", "text-in", "truncation", "session-config", "keepalive"];

const byId = (results: readonly ScenarioResult[]) => Object.fromEntries(results.map((r) => [r.id, r]));

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe("the spec v2 live scenarios", () => {
  it("all run and pass on a dialect with every v2 capability, and nothing else fails", async () => {
    const report = await runConformance(relaySubject(), { fast: true });
    const results = byId(report.results);
    for (const id of V2_SCENARIOS) expect(results[id], `${id}: ${results[id]?.detail}`).toMatchObject({ status: "passed" });
    expect(report.results.filter((r) => r.status === "failed")).toEqual([]);
    expect(results["tool-call"]!.detail).toContain('get_weather({"city":"Paris"})');
    expect(results.truncation!.measured.offByMs).toBeLessThanOrEqual(20);
    expect(results.keepalive!.measured).toMatchObject({ intervalMs: 250, sentWhileAudio: 0 });
    expect(results.keepalive!.measured.sentIdle).toBeGreaterThanOrEqual(2);
  }, 30_000);

  // Concurrent: a tool result that never comes keeps the agent waiting 5 s; the rest need not wait on it.
  it.concurrent("tool-call fails when the result never goes back, or the arguments are not parsed", async () => {
    const broken = relaySubject({ faults: ["no-tool-result", "unparsed-arguments"] });
    const [result] = (await runConformance(broken, { fast: true, only: ["tool-call"] })).results;
    expect(result?.status, result?.detail).toBe("failed");
    expect(result!.detail).toContain('its arguments read "{\\"city\\":\\"Paris\\"}"');
    expect(result!.detail).toContain("the agent never received one for call_1");
  }, 30_000);

  it.concurrent("text-in, truncation, session-config and keepalive fail when the dialect is broken the way each checks", async () => {
    const broken = relaySubject({ faults: ["no-text", "heard-in-samples", "setup-without-tools", "keepalive-with-audio"] });
    const only = ["text-in", "truncation", "session-config", "keepalive"];
    const results = byId((await runConformance(broken, { fast: true, only })).results);
    for (const id of only) expect(results[id]?.status, `${id}: ${results[id]?.detail}`).toBe("failed");
    expect(results["text-in"]!.detail).toContain("the agent received nothing, not the text sent");
    expect(results.truncation!.detail).toContain("more than one 20 ms frame from what played");
    expect(results["session-config"]!.detail).toContain("the tool get_weather is missing");
    expect(results.keepalive!.detail).toContain("the keepalive is declared idle-only");
  }, 30_000);

  it("skip by capability, and keepalive where the codec declares none", async () => {
    const none = { ...NO_CAPABILITIES };
    for (const id of ["tool-call", "text-in", "truncation", "session-config"]) {
      expect(SCENARIO_CATALOG.find((e) => e.id === id)?.skipFor?.(none), id).toMatch(/declares no/);
    }
    const truncation = SCENARIO_CATALOG.find((e) => e.id === "truncation")!;
    expect(truncation.skipFor?.({ ...none, truncation: true })).toMatch(/names no turns/);
    expect(truncation.skipFor?.({ ...none, truncation: true, turnIds: true })).toBeUndefined();
    expect(SCENARIO_CATALOG.find((e) => e.id === "keepalive")?.skipFor?.({ ...none, bootstrap: true })).toMatch(/bootstrap call/);

    const subject = relaySubject();
    const noKeepalive = {
      ...subject,
      client: (target: Parameters<typeof subject.client>[0]) => {
        const dialect = subject.client(target);
        return {
          ...dialect,
          createCodec: (...args: Parameters<typeof dialect.createCodec>) => ({ ...dialect.createCodec(...args), keepalive: undefined }),
        };
      },
    };
    const report = await runConformance(noKeepalive, { fast: true, only: ["keepalive"] });
    expect(report.results[0]).toMatchObject({ id: "keepalive", status: "skipped", detail: "the dialect's codec declares no keepalive" });
  });

  it("by URL, a turn without a tool call skips tool-call, saying why", async () => {
    sim = await startSimulator({ front: relayFront(), fast: true, keys: ["relay-key"] });
    const report = await runConformance(relaySubject(), { url: sim.url, key: "relay-key", only: ["tool-call"] });
    expect(report.results[0]).toMatchObject({ id: "tool-call", status: "skipped" });
    expect(report.results[0]!.detail).toMatch(/^no tool call arrived during the user's turn: a live agent calls one \(here get_weather\) only when/);
  }, 20_000);
});

describe("PlayedAudio", () => {
  it("plays at real time from the first chunk, never ahead of what arrived", () => {
    const player = new PlayedAudio();
    expect(player.playedMs(100)).toBe(0);
    player.push(100, 60); // three 20 ms frames at once
    expect(player.playedMs(130)).toBe(30);
    expect(player.playedMs(200)).toBe(60); // ran dry at 160
    player.push(200, 20); // resumes from 60 at 200
    expect(player.playedMs(210)).toBe(70);
    expect(player.playedMs(400)).toBe(80);
  });
});
