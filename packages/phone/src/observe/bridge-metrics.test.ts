import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parsePrometheusText } from "@voxwire/test-utils";
import { AggregatorRegistry, Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { bridgeMetrics, metricsHandler } from "../index.js";
import { observedCall, settle } from "./observed-call.test-helpers.js";

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serve(handler: ReturnType<typeof metricsHandler>): Promise<string> {
  const server = createServer((req, res) => (req.url === "/metrics" ? handler(req, res) : res.writeHead(404).end()));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}

async function scrape(url: string): Promise<{ type: string | null; values: Map<string, number> }> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return { type: response.headers.get("content-type"), values: parsePrometheusText(await response.text()) };
}

describe("bridge metrics", () => {
  it("counts a bridged call's frames, its barge-in and its response latency, scraped over HTTP", async () => {
    const registry = new Registry();
    const metrics = bridgeMetrics({ registry });
    const url = await serve(metricsHandler(metrics));
    const call = observedCall({ metrics });
    call.leg.start();
    await settle();
    await call.caller(10, 3000); // the caller speaks for 200 ms (the last loud frame 180 ms in)…
    await call.caller(15, 0); // …then 300 ms of quiet: the detector's hangover
    call.time.advance(200);
    call.agentSays(10, 500); // the answer: 520 ms after the last loud frame
    call.time.advance(500);

    const mid = await scrape(url);
    expect(mid.type).toContain("text/plain");
    expect(mid.values.get("voxwire_bridge_calls_live")).toBe(1);
    expect(mid.values.get("voxwire_bridge_calls_started_total")).toBe(1);
    expect(mid.values.get('voxwire_bridge_frames_total{direction="caller_to_agent",outcome="sent"}')).toBe(25);
    expect(mid.values.get('voxwire_bridge_frames_total{direction="agent_to_caller",outcome="sent"}')).toBe(10);

    call.agentSays(20, 500); // a second answer, cut by a barge-in
    call.agent.emit({ type: "playback-clear" });
    await call.b.close();
    await settle();

    const { values } = await scrape(url);
    const stats = call.b.stats;
    expect(values.get("voxwire_bridge_calls_live")).toBe(0);
    expect(values.get('voxwire_bridge_calls_ended_total{reason="closed"}')).toBe(1);
    expect(values.get('voxwire_bridge_frames_total{direction="caller_to_agent",outcome="sent"}')).toBe(25);
    expect(values.get('voxwire_bridge_frames_total{direction="agent_to_caller",outcome="received"}')).toBe(30);
    expect(values.get('voxwire_bridge_frames_total{direction="agent_to_caller",outcome="sent"}')).toBe(stats.framesToCaller);
    expect(values.get('voxwire_bridge_frames_total{direction="agent_to_caller",outcome="cleared"}')).toBe(stats.agentFramesCleared);
    expect(stats.agentFramesCleared).toBeGreaterThan(0);
    expect(values.get("voxwire_bridge_barge_ins_total")).toBe(1);
    expect(values.get("voxwire_bridge_barge_in_latency_seconds_count")).toBe(1);
    expect(values.get('voxwire_bridge_response_latency_seconds_count{source="energy"}')).toBe(1);
    expect(values.get('voxwire_bridge_response_latency_seconds_sum{source="energy"}')).toBeCloseTo(0.52, 6);
    expect(values.get('voxwire_bridge_response_latency_seconds_bucket{le="0.5",source="energy"}')).toBe(0);
    expect(values.get('voxwire_bridge_response_latency_seconds_bucket{le="0.75",source="energy"}')).toBe(1);
    expect(values.get('voxwire_bridge_agent_audio_seconds_total{kind="sent"}')).toBeCloseTo(stats.framesToCaller * 0.02, 6);
    expect(values.get('voxwire_bridge_agent_audio_seconds_total{kind="heard"}')).toBe(0); // the fake carrier echoed no mark
    expect(values.has('voxwire_bridge_event_loop_delay_seconds{stat="p99"}')).toBe(true);
    metrics.close();
  });

  it("takes the stop from the agent's own speech-stopped where it sends one", async () => {
    const registry = new Registry();
    const metrics = bridgeMetrics({ registry, eventLoopDelay: false });
    const call = observedCall({ metrics });
    call.leg.start();
    await settle();
    await call.caller(5, 3000);
    call.agent.emit({ type: "speech-stopped" });
    call.time.advance(300);
    await call.caller(30, 3000); // loud noise after the agent's stop: the energy detector no longer counts
    call.agentSays(1, 500);
    await call.b.close();
    const values = parsePrometheusText(await registry.metrics());
    expect(values.get('voxwire_bridge_response_latency_seconds_count{source="agent"}')).toBe(1);
    expect(values.get('voxwire_bridge_response_latency_seconds_sum{source="agent"}')).toBeCloseTo(0.9, 6);
    expect(values.has('voxwire_bridge_response_latency_seconds_count{source="energy"}')).toBe(false);
  });

  it("refuses a second set of metrics on the same registry with a typed error", () => {
    const registry = new Registry();
    bridgeMetrics({ registry, eventLoopDelay: false });
    expect(() => bridgeMetrics({ registry, eventLoopDelay: false })).toThrow(expect.objectContaining({ code: "invalid_config" }));
  });

  it("sums two workers' metrics the way a cluster primary's AggregatorRegistry does", async () => {
    const workers = [new Registry(), new Registry()];
    for (const registry of workers) {
      const metrics = bridgeMetrics({ registry, eventLoopDelay: false });
      const call = observedCall({ metrics });
      call.leg.start();
      await settle();
      await call.caller(3, 0);
      await call.b.close();
    }
    const merged = AggregatorRegistry.aggregate(await Promise.all(workers.map((r) => r.getMetricsAsJSON())));
    const values = parsePrometheusText(await merged.metrics());
    expect(values.get("voxwire_bridge_calls_started_total")).toBe(2);
    expect(values.get('voxwire_bridge_frames_total{direction="caller_to_agent",outcome="sent"}')).toBe(6);
  });
});
