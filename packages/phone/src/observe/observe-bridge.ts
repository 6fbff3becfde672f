import type { Tracer } from "@opentelemetry/api";
import type { PhoneBridge } from "../bridge.js";
import type { BridgeMetrics } from "./bridge-metrics.js";
import { type BridgeTap, combineTaps, type TapContext } from "./bridge-tap.js";
import { type CallRecordingOptions, recordCall } from "./call-recorder.js";
import { resolveTracer, traceCall } from "./call-tracing.js";
import type { CallerVoiceOptions } from "./caller-voice.js";
import { ResponseLatency } from "./response-latency.js";
import { type SilenceWatchdogOptions, watchSilence } from "./silence-watchdog.js";

/** The bridge's observability options (part of `BridgeOptions`); each is off unless given. */
export interface ObserveOptions {
  /** Report into these metrics (`bridgeMetrics()`, one per process). */
  metrics?: BridgeMetrics;
  /** Trace to this tracer; default the application's registered global tracer, if any; `false` never traces. */
  tracer?: Tracer | false;
  /** The silence watchdog (off unless `promptAfterMs` or `hangUpAfterMs` is set). */
  silence?: SilenceWatchdogOptions;
  /** Record each call to a stereo WAV (caller left, agent right). */
  recording?: CallRecordingOptions;
  /** The energy detector used where the agent reports no speech events of its own. */
  voice?: CallerVoiceOptions;
}

/**
 * The observers one call needs, as one tap (undefined when none is configured: the bridge then
 * pays a single check per frame). Response latency and caller voice are computed once here and
 * handed to the observers that use them.
 */
export function observeBridge(b: PhoneBridge, options: ObserveOptions, context: TapContext): BridgeTap | undefined {
  const tracer = resolveTracer(options.tracer);
  const needVoice = options.metrics !== undefined || tracer !== undefined || options.silence !== undefined;
  const latency = needVoice ? new ResponseLatency(options.voice) : undefined;
  const observers = combineTaps([
    options.metrics?.track(b, context),
    tracer ? traceCall(b, tracer) : undefined,
    options.silence && latency ? watchSilence(b, options.silence, context, (now) => latency.callerSpeakingAt(now)) : undefined,
    options.recording ? recordCall(b, options.recording, context) : undefined,
  ]);
  if (!observers || !latency) return observers;
  const offs: (() => void)[] = [];
  offs.push(
    b.on("agent-connected", () => {
      const agent = b.agent;
      if (!agent) return;
      const now = () => context.scheduler.now();
      offs.push(
        agent.on("speech-started", () => latency.agentSpeech("started", now())),
        agent.on("speech-stopped", () => latency.agentSpeech("stopped", now())),
      );
    }),
    b.on("ended", () => {
      for (const off of offs.splice(0)) off();
    }),
  );
  return {
    callerAudio(audio, now) {
      latency.callerAudio(audio, now);
      observers.callerAudio?.(audio, now);
    },
    agentAudioSent(frame, ms, turn, startsTurn, now) {
      const figure = latency.agentAudioSent(now);
      if (figure !== undefined) observers.responseLatency?.(figure, latency.lastSource ?? "energy", now);
      observers.agentAudioSent?.(frame, ms, turn, startsTurn, now);
    },
    bargeIn(latencyMs, droppedMs, carrierQueuedMs, now) {
      observers.bargeIn?.(latencyMs, droppedMs, carrierQueuedMs, now);
    },
  };
}
