import { trace } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterEach, describe, expect, it } from "vitest";
import { resolveTracer } from "./call-tracing.js";
import { observedCall, settle } from "./observed-call.test-helpers.js";

function tracing() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { exporter, provider, tracer: provider.getTracer("test") };
}

afterEach(() => {
  trace.disable();
});

/** A call with two agent turns: the first heard whole, the second cut by a barge-in. */
async function twoTurns(call: ReturnType<typeof observedCall>) {
  call.leg.start();
  await settle();
  await call.caller(10, 3000);
  await call.caller(15, 0);
  call.time.advance(100);
  call.agentSays(5, 500, "item_1");
  call.time.advance(500);
  for (const m of call.leg.fresh()) if (m.t === "mark") call.leg.send({ t: "mark", name: m.name });
  await settle();
  call.agentSays(20, 500, "item_2");
  call.time.advance(100);
  call.agent.emit({ type: "playback-clear", turnId: "item_2" });
  await call.b.close();
}

describe("call tracing", () => {
  it("a span per call, and a child span per agent turn with what was heard and the response latency", async () => {
    const { exporter, tracer } = tracing();
    const call = observedCall({ tracer });
    await twoTurns(call);
    const spans = exporter.getFinishedSpans();
    const callSpan = spans.find((s) => s.name.startsWith("voxwire.call"))!;
    expect(callSpan.attributes).toMatchObject({
      "voxwire.carrier": "fake-carrier",
      "voxwire.call_id": "C1",
      "voxwire.stream_id": "S1",
      "voxwire.agent_dialect": "fake-agent",
      "voxwire.end_reason": "closed",
    });
    const turns = spans.filter((s) => s.name === "voxwire.turn");
    expect(turns.map((s) => s.attributes["voxwire.turn"])).toEqual([1, 2]);
    for (const turn of turns) {
      expect(turn.parentSpanContext?.spanId).toBe(callSpan.spanContext().spanId);
      expect(turn.spanContext().traceId).toBe(callSpan.spanContext().traceId);
    }
    expect(turns[0]!.attributes).toMatchObject({ "voxwire.interrupted": false, "voxwire.heard_ms": 100, "voxwire.sent_ms": 100 });
    expect(turns[0]!.attributes["voxwire.response_latency_ms"]).toBe(420); // the last loud frame at 180 ms, the answer at 600 ms
    expect(turns[1]!.attributes).toMatchObject({ "voxwire.interrupted": true, "voxwire.heard_ms": 0 });
    expect(turns[1]!.attributes["voxwire.response_latency_ms"]).toBeUndefined(); // no caller stop came before it
    expect(turns[1]!.events.map((e) => e.name)).toEqual(["barge-in"]);
  });

  it("uses the application's registered tracer; without one, no tracer is used at all", async () => {
    expect(resolveTracer(undefined)).toBeUndefined();
    const { exporter, provider } = tracing();
    trace.setGlobalTracerProvider(provider);
    expect(resolveTracer(undefined)).toBeDefined();
    expect(resolveTracer(false)).toBeUndefined();
    const call = observedCall({ tracer: undefined });
    await twoTurns(call);
    expect(exporter.getFinishedSpans().filter((s) => s.name === "voxwire.turn")).toHaveLength(2);
  });
});
