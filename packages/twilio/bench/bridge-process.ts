/*
 * The bridge under test, alone in its process: createPhoneBridge with an Omni agent at 8 kHz,
 * exactly as an application would run it. The parent reads its CPU time (process.cpuUsage),
 * event-loop delay and the calls' drop counters over IPC.
 */
import { omni } from "@voxwire/omni";
import { openai } from "@voxwire/openai";
import { createPhoneBridge, createSharedScheduler, createTimerScheduler, type PhoneBridge } from "../src/index.js";
import { createProcessWindow } from "./process-window.mjs";

const agentUrl = process.env.BENCH_AGENT_URL!;
const schedulerKind = process.env.BENCH_SCHEDULER === "timer" ? "timer" : "shared";
const scheduler = schedulerKind === "timer" ? createTimerScheduler() : createSharedScheduler({ tickMs: 10 });
const measure = createProcessWindow();
const ended = { calls: 0, reasons: {} as Record<string, number>, dropped: 0, maxLeadMs: 0 };

/** Frames dropped anywhere in one call: either session's outbound queue, or the bridge's pacer. */
function droppedIn(call: PhoneBridge): number {
  return call.phone.stats.audioFramesDropped + (call.agent?.stats.audioFramesDropped ?? 0) + call.stats.agentFramesDropped;
}

// BENCH_AGENT=openai: OpenAI Realtime with G.711 μ-law both ways, so μ-law is passed through (the side-by-side run).
const agent =
  process.env.BENCH_AGENT === "openai"
    ? openai({ apiKey: "sk-bench-key", model: "gpt-realtime", audio: "pcmu", baseUrl: agentUrl })
    : omni({ agentId: "agent_bench", apiKey: "pyai_test_benchkey", rate: 8000, baseUrl: agentUrl });
const server = await createPhoneBridge({
  agent,
  port: 0,
  // The load driver signs nothing: explicitly unsigned.
  allowUnsigned: true,
  scheduler,
  batchWrites: process.env.BENCH_BATCH !== "off",
  onCall: (call) => {
    void call.ended.then((event) => {
      ended.calls++;
      ended.reasons[event.reason] = (ended.reasons[event.reason] ?? 0) + 1;
      ended.dropped += droppedIn(call);
      ended.maxLeadMs = Math.max(ended.maxLeadMs, call.stats.maxLeadMs);
    });
  },
});

let droppedAtStart = 0;
const liveDropped = () => server.calls().reduce((n, call) => n + droppedIn(call), 0);

process.on("message", async (message: { cmd: string }) => {
  switch (message.cmd) {
    case "window-start":
      measure.start();
      droppedAtStart = liveDropped();
      break;
    case "window-stop": {
      const calls = server.calls();
      process.send!(
        measure.stop({
          liveCalls: calls.length,
          droppedInWindow: liveDropped() - droppedAtStart,
          maxLeadMs: Math.max(0, ...calls.map((c) => c.stats.maxLeadMs)),
          scheduler: schedulerKind,
        }),
      );
      break;
    }
    case "report":
      process.send!({ type: "report", live: server.calls().length, ended });
      break;
    case "sample": {
      // The soak's sample: memory after a full GC when exposed (--expose-gc), and live handles.
      (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      process.send!({
        type: "sample",
        heapUsedMb: memory.heapUsed / 2 ** 20,
        rssMb: memory.rss / 2 ** 20,
        // Buffers live outside the JS heap: a socket's buffers growing would show here, not in heapUsed.
        externalMb: memory.external / 2 ** 20,
        handles: process.getActiveResourcesInfo().length,
        live: server.calls().length,
        ended: ended.calls,
        dropped: ended.dropped + liveDropped(),
      });
      break;
    }
    case "shutdown":
      await server.close();
      process.exit(0);
  }
});
process.send!({ type: "ready", port: server.port });
