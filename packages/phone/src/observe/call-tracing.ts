import { context, ProxyTracerProvider, type Span, SpanKind, type Tracer, trace } from "@opentelemetry/api";
import type { PhoneBridge } from "../bridge.js";
import type { BridgeTap } from "./bridge-tap.js";

/** The instrumentation scope the bridge's spans are reported under. */
export const TRACER_NAME = "@voxwire/phone";

/**
 * The tracer the bridge reports to: the one given, else the application's registered global
 * tracer, else none (then no span object is ever made). `false` turns tracing off.
 */
export function resolveTracer(given: Tracer | false | undefined): Tracer | undefined {
  if (given === false) return undefined;
  if (given) return given;
  const provider = trace.getTracerProvider();
  // The API's proxy answers a no-op tracer until an SDK registers: ask it for the real one only.
  return provider instanceof ProxyTracerProvider ? provider.getDelegateTracer(TRACER_NAME) : provider.getTracer(TRACER_NAME);
}

/**
 * A span per call (`voxwire.call`: carrier, agent dialect, call ids, end reason) and a child
 * span per agent turn (`voxwire.turn`) from the turn's first frame sent to the carrier to its
 * final heard report (all heard, or cut by a barge-in or the end), with `voxwire.interrupted`,
 * `voxwire.heard_ms`, `voxwire.sent_ms` and `voxwire.response_latency_ms`. Times are the
 * wall clock at those moments.
 */
export function traceCall(b: PhoneBridge, tracer: Tracer): BridgeTap {
  let call: Span | undefined;
  const turns = new Map<number, Span>();
  let latencyMs: number | undefined;
  let lastTurn = 0;
  const offs = [
    b.on("call-started", (event) => {
      const c = event.call;
      call = tracer.startSpan(`voxwire.call ${c.carrier}`, {
        kind: SpanKind.SERVER,
        attributes: {
          "voxwire.carrier": c.carrier,
          "voxwire.call_id": c.callId,
          "voxwire.stream_id": c.streamId,
          ...(c.accountId ? { "voxwire.account_id": c.accountId } : {}),
          // An agent given already connected was bridged before the carrier's start.
          ...(b.agent ? { "voxwire.agent_dialect": b.agent.dialect } : {}),
        },
      });
    }),
    b.on("agent-connected", (event) => call?.setAttribute("voxwire.agent_dialect", event.dialect)),
    b.on("agent-audio-heard", (event) => {
      if (!event.final) return;
      const span = turns.get(event.turn);
      if (!span) return;
      turns.delete(event.turn);
      span.setAttributes({ "voxwire.interrupted": event.interrupted, "voxwire.heard_ms": event.heardMs, "voxwire.sent_ms": event.sentMs });
      span.end();
    }),
    b.on("ended", (event) => {
      for (const span of turns.values()) span.end();
      turns.clear();
      call?.setAttributes({ "voxwire.end_reason": event.reason, "voxwire.end_leg": event.leg });
      call?.end();
      for (const off of offs.splice(0)) off();
    }),
  ];
  return {
    bargeIn(_latencyMs, droppedMs, carrierQueuedMs) {
      // Before the ledger reports the cut turn final (and its span ends).
      turns.get(lastTurn)?.addEvent("barge-in", { "voxwire.dropped_ms": droppedMs, "voxwire.carrier_queued_ms": carrierQueuedMs });
    },
    responseLatency(ms) {
      latencyMs = ms;
    },
    agentAudioSent(_frame, _ms, turn, startsTurn) {
      if (!startsTurn || !call || turns.has(turn)) return;
      const parent = trace.setSpan(context.active(), call);
      const span = tracer.startSpan("voxwire.turn", { attributes: { "voxwire.turn": turn } }, parent);
      if (latencyMs !== undefined) span.setAttribute("voxwire.response_latency_ms", latencyMs);
      latencyMs = undefined;
      turns.set(turn, span);
      lastTurn = turn;
    },
  };
}
