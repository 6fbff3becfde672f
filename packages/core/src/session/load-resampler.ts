import type { ResamplerFactory } from "../audio/pcm-pipeline.js";
import { createResampler } from "../audio/resampler.js";

/** The resampler for a session whose rates differ. On servers it is simply there (see the browser twin). */
export async function loadResampler(_dialect: string): Promise<ResamplerFactory> {
  return createResampler;
}
