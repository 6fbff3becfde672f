import { type AudioPipeline, createAudioPipeline } from "../audio/index.js";
import type { ConnectPlan } from "../dialect/current.js";
import type { AppAudioFormat } from "../events/audio-format.js";
import type { SessionAudio, SessionOptions } from "./types.js";

/** The wire frame size when a dialect does not name one. */
const DEFAULT_FRAME_MS = 20;

/** The formats of a session and the two pipelines between the application and the wire. */
export interface SessionAudioPlan {
  formats: SessionAudio;
  /** Application audio → wire rate, cut into the wire's frames. */
  toWire: AudioPipeline;
  /** Wire audio → application rate; undefined when nothing needs converting. */
  fromWire: AudioPipeline | undefined;
}

/**
 * Builds both directions' pipelines. Done before any socket exists, so a format the pipeline
 * cannot serve is a typed error before any I/O.
 */
export function planSessionAudio(plan: ConnectPlan, options: SessionOptions): SessionAudioPlan {
  const input: AppAudioFormat = options.input ?? { sampleRate: plan.audio.outbound.sampleRate };
  const output: AppAudioFormat = options.output ?? { sampleRate: plan.audio.inbound.sampleRate };
  const quality = options.quality ?? "voice";
  const wireOut = plan.audio.outbound;
  const toWire = createAudioPipeline({
    inputRate: input.sampleRate,
    outputRate: wireOut.sampleRate,
    frameSamples: samplesIn(wireOut.frameMs ?? DEFAULT_FRAME_MS, wireOut.sampleRate),
    quality,
    // Frames go to the codec, which reads them through their views.
    sharedBuffers: true,
  });
  const inboundRate = plan.audio.inbound.sampleRate;
  const fromWire =
    output.sampleRate === inboundRate && output.frameMs === undefined
      ? undefined
      : createAudioPipeline({
          inputRate: inboundRate,
          outputRate: output.sampleRate,
          ...(output.frameMs === undefined ? {} : { frameSamples: samplesIn(output.frameMs, output.sampleRate) }),
          quality,
          // An audio-chunk may share its ArrayBuffer (docs/event-model.md).
          sharedBuffers: true,
        });
  return { formats: { wire: plan.audio, input, output }, toWire, fromWire };
}

function samplesIn(ms: number, sampleRate: number): number {
  return Math.round((ms * sampleRate) / 1000);
}
