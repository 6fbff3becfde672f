import cluster from "node:cluster";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type IntervalHistogram, monitorEventLoopDelay } from "node:perf_hooks";
import { ConfigError } from "@voxwire/core";
import { AggregatorRegistry, Counter, Gauge, register as globalRegistry, Histogram, type PrometheusContentType, type Registry } from "prom-client";
import type { BridgeStats, PhoneBridge } from "../bridge.js";
import type { BridgeEndReason } from "../bridge-events.js";
import type { BridgeTap, TapContext } from "./bridge-tap.js";

/** Every metric's name starts so. */
export const METRICS_PREFIX = "voxwire_bridge_";

export interface BridgeMetricsOptions {
  /**
   * Where the metrics live (default: prom-client's global registry, which is what
   * `AggregatorRegistry` reads in each cluster worker). One `bridgeMetrics` per registry.
   */
  registry?: Registry;
  /** Sample the event loop's delay (default true): `monitorEventLoopDelay`, read and reset at each scrape. */
  eventLoopDelay?: boolean;
}

/** The bridge's metrics, shared by every call of the process: pass it to `bridge()` as `metrics`. */
export interface BridgeMetrics {
  readonly registry: Registry;
  /** Starts counting one call (the bridge does this itself when given `metrics`). */
  track(bridge: PhoneBridge, context: TapContext): BridgeTap;
  /** Stops the event-loop sampler; the metrics stay registered. */
  close(): void;
}

/** The frames each bridge's stats count, by direction and outcome: the `frames_total` series. */
const FRAME_SERIES: readonly [direction: string, outcome: string, read: (s: BridgeStats) => number][] = [
  ["caller_to_agent", "sent", (s) => s.callerFrames],
  ["caller_to_agent", "dropped", (s) => s.callerFramesDropped],
  ["agent_to_caller", "received", (s) => s.agentFrames],
  ["agent_to_caller", "sent", (s) => s.framesToCaller],
  ["agent_to_caller", "dropped", (s) => s.agentFramesDropped],
  ["agent_to_caller", "cleared", (s) => s.agentFramesCleared],
];

/**
 * The bridge's Prometheus metrics (prom-client). Per-frame counts are not incremented on the
 * audio path: they are read from the live calls' `stats` at scrape time and folded into a total
 * when a call ends, so a call pays nothing per frame for being measured. Durations are in seconds.
 */
export function bridgeMetrics(options: BridgeMetricsOptions = {}): BridgeMetrics {
  const registry = options.registry ?? globalRegistry;
  if (registry.getSingleMetric(`${METRICS_PREFIX}calls_live`))
    throw new ConfigError("this registry already has the bridge's metrics: make one bridgeMetrics() per registry and share it between calls");
  // prom-client answers the primary's AggregatorRegistry only once one has been made in the worker
  // too (its constructor adds the listener): without this a cluster scrape times out.
  if (cluster.isWorker && registry === globalRegistry) new AggregatorRegistry();
  const registers = [registry];
  const live = new Set<PhoneBridge>();
  const endedFrames = new Float64Array(FRAME_SERIES.length);
  const loop: IntervalHistogram | undefined = options.eventLoopDelay === false ? undefined : monitorEventLoopDelay({ resolution: 10 });
  loop?.enable();

  new Gauge({
    name: `${METRICS_PREFIX}calls_live`,
    help: "Calls bridged now.",
    registers,
    collect() {
      this.set(live.size);
    },
  });
  const started = new Counter({ name: `${METRICS_PREFIX}calls_started_total`, help: "Calls whose carrier start arrived.", registers });
  const ended = new Counter({
    name: `${METRICS_PREFIX}calls_ended_total`,
    help: "Calls ended, by reason.",
    labelNames: ["reason"] as const,
    registers,
  });
  new Counter({
    name: `${METRICS_PREFIX}frames_total`,
    help: "Audio frames by direction and outcome (caller_to_agent: sent, dropped; agent_to_caller: received, sent, dropped, cleared).",
    labelNames: ["direction", "outcome"] as const,
    registers,
    collect() {
      const sums = Float64Array.from(endedFrames);
      for (const b of live) {
        const stats = b.stats;
        for (let i = 0; i < FRAME_SERIES.length; i++) sums[i]! += FRAME_SERIES[i]![2](stats);
      }
      this.reset();
      for (let i = 0; i < FRAME_SERIES.length; i++) {
        const [direction, outcome] = FRAME_SERIES[i]!;
        this.inc({ direction, outcome }, sums[i]!);
      }
    },
  });
  new Gauge({
    name: `${METRICS_PREFIX}queued_audio_seconds`,
    help: "Agent audio queued now, summed over live calls: in the bridge (where = bridge) and at the carrier ahead of playback (where = carrier).",
    labelNames: ["where"] as const,
    registers,
    collect() {
      let bridgeMs = 0;
      let carrierMs = 0;
      for (const b of live) {
        const stats = b.stats;
        bridgeMs += stats.queuedMs;
        carrierMs += stats.leadMs;
      }
      this.set({ where: "bridge" }, bridgeMs / 1000);
      this.set({ where: "carrier" }, carrierMs / 1000);
    },
  });
  const bargeIns = new Counter({ name: `${METRICS_PREFIX}barge_ins_total`, help: "Barge-ins (the agent cut its playback).", registers });
  const bargeInLatency = new Histogram({
    name: `${METRICS_PREFIX}barge_in_latency_seconds`,
    help: "From the agent's playback-clear arriving to the carrier's clear sent.",
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05],
    registers,
  });
  const responseLatency = new Histogram({
    name: `${METRICS_PREFIX}response_latency_seconds`,
    help: "From the caller's stop (source = agent: the agent's speech-stopped; energy: the bridge's detector) to the first agent audio sent to the carrier.",
    labelNames: ["source"] as const,
    buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10],
    registers,
  });
  const agentAudio = new Counter({
    name: `${METRICS_PREFIX}agent_audio_seconds_total`,
    help: "Agent audio of finished turns: sent to the carrier (kind = sent) and heard by the caller (kind = heard).",
    labelNames: ["kind"] as const,
    registers,
  });
  const reconnects = new Counter({
    name: `${METRICS_PREFIX}reconnects_total`,
    help: "Legs that reconnected and carried on, by leg.",
    labelNames: ["leg"] as const,
    registers,
  });
  new Gauge({
    name: `${METRICS_PREFIX}event_loop_delay_seconds`,
    help: "Event-loop delay since the last scrape (monitorEventLoopDelay): stat = p50, p99, max.",
    labelNames: ["stat"] as const,
    aggregator: "max",
    registers,
    collect() {
      if (!loop) return;
      const ok = loop.count > 0;
      this.set({ stat: "p50" }, ok ? loop.percentile(50) / 1e9 : 0);
      this.set({ stat: "p99" }, ok ? loop.percentile(99) / 1e9 : 0);
      this.set({ stat: "max" }, ok ? loop.max / 1e9 : 0);
      loop.reset();
    },
  });
  // Pre-create the labelled series so a scrape shows zeros rather than nothing.
  agentAudio.inc({ kind: "sent" }, 0);
  agentAudio.inc({ kind: "heard" }, 0);

  return {
    registry,
    close() {
      loop?.disable();
    },
    track(b, context) {
      const offs: (() => void)[] = [];
      const countReconnects = (leg: "phone" | "agent", session: { on: PhoneBridge["phone"]["on"] }) =>
        offs.push(session.on("session-reconnected", () => reconnects.inc({ leg })));
      countReconnects("phone", context.phone);
      offs.push(
        b.on("call-started", () => {
          live.add(b);
          started.inc();
        }),
        b.on("agent-connected", () => {
          if (b.agent) countReconnects("agent", b.agent);
        }),
        b.on("agent-audio-heard", (event) => {
          if (!event.final) return;
          agentAudio.inc({ kind: "sent" }, event.sentMs / 1000);
          agentAudio.inc({ kind: "heard" }, event.heardMs / 1000);
        }),
        b.on("ended", (event) => {
          const stats = b.stats;
          for (let i = 0; i < FRAME_SERIES.length; i++) endedFrames[i]! += FRAME_SERIES[i]![2](stats);
          live.delete(b);
          ended.inc({ reason: event.reason satisfies BridgeEndReason });
          for (const off of offs.splice(0)) off();
        }),
      );
      return {
        bargeIn(latencyMs) {
          bargeIns.inc();
          bargeInLatency.observe(latencyMs / 1000);
        },
        responseLatency(ms, source) {
          responseLatency.observe({ source }, ms / 1000);
        },
      };
    },
  };
}

/**
 * Serves a registry in Prometheus' text format: a `node:http` request handler (mount it at
 * `/metrics`). A scrape that fails answers 500 with no detail.
 */
export function metricsHandler(metrics: BridgeMetrics | Registry): (req: IncomingMessage, res: ServerResponse) => void {
  const registry = "track" in metrics ? metrics.registry : metrics;
  return (_req, res) => {
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { "content-type": registry.contentType });
        res.end(text);
      },
      () => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("metrics unavailable\n");
      },
    );
  };
}

/**
 * In a `node:cluster` primary: every worker's metrics summed into one scrape (prom-client's
 * `AggregatorRegistry`; each worker keeps its `bridgeMetrics()` on the global registry). Gauges
 * sum except the event-loop delay, which takes the workers' maximum.
 */
export function clusterMetricsHandler(
  aggregator: AggregatorRegistry<PrometheusContentType> = new AggregatorRegistry(),
): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    aggregator.clusterMetrics().then(
      (text) => {
        res.writeHead(200, { "content-type": aggregator.contentType });
        res.end(text);
      },
      () => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("metrics unavailable\n");
      },
    );
  };
}
