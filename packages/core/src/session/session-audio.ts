import type { AudioPipeline } from "../audio/audio-pipeline.js";
import { assemblePipeline, type ResamplerFactory } from "../audio/pcm-pipeline.js";
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

/** The application's formats: what it asked for, else the wire's rate each way. */
function appFormats(plan: ConnectPlan, options: SessionOptions): { input: AppAudioFormat; output: AppAudioFormat } {
  return {
    input: options.input ?? { sampleRate: plan.audio.outbound.sampleRate },
    output: options.output ?? { sampleRate: plan.audio.inbound.sampleRate },
  };
}

/** Whether either direction converts rates: only then does a session need the resampler's code. */
export function convertsRates(plan: ConnectPlan, options: SessionOptions): boolean {
  const { input, output } = appFormats(plan, options);
  return input.sampleRate !== plan.audio.outbound.sampleRate || output.sampleRate !== plan.audio.inbound.sampleRate;
}

/**
 * Builds both directions' pipelines. Done before any socket exists, so a format the pipeline
 * cannot serve is a typed error before any I/O. `newResampler` may be undefined when
 * `convertsRates` is false.
 */
export function planSessionAudio(plan: ConnectPlan, options: SessionOptions, newResampler: ResamplerFactory | undefined): SessionAudioPlan {
  const { input, output } = appFormats(plan, options);
  const quality = options.quality ?? "voice";
  const wireOut = plan.audio.outbound;
  const toWire = assemblePipeline(
    {
      inputRate: input.sampleRate,
      outputRate: wireOut.sampleRate,
      frameSamples: samplesIn(wireOut.frameMs ?? DEFAULT_FRAME_MS, wireOut.sampleRate),
      quality,
      // Frames go to the codec, which reads them through their views.
      sharedBuffers: true,
    },
    newResampler,
  );
  const inboundRate = plan.audio.inbound.sampleRate;
  const fromWire =
    output.sampleRate === inboundRate && output.frameMs === undefined
      ? undefined
      : assemblePipeline(
          {
            inputRate: inboundRate,
            outputRate: output.sampleRate,
            ...(output.frameMs === undefined ? {} : { frameSamples: samplesIn(output.frameMs, output.sampleRate) }),
            quality,
            // An audio-chunk may share its ArrayBuffer (docs/event-model.md).
            sharedBuffers: true,
          },
          newResampler,
        );
  return { formats: { wire: plan.audio, input, output }, toWire, fromWire };
}

function samplesIn(ms: number, sampleRate: number): number {
  return Math.round((ms * sampleRate) / 1000);
}
