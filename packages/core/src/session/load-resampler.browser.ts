import type { ResamplerFactory } from "../audio/pcm-pipeline.js";
import { NetworkError } from "../errors/error-classes.js";

/**
 * In a page the resampler (its filter design and WebAssembly kernel, about a sixth of what
 * `connect` + a dialect weigh) is a chunk of its own, loaded before the socket opens and only
 * when the session's rates differ from the wire's. A chunk the page cannot load is a typed,
 * retryable error, as for the bootstrap code.
 */
export async function loadResampler(dialect: string): Promise<ResamplerFactory> {
  try {
    return (await import("../audio/resampler.js")).createResampler;
  } catch (cause) {
    throw new NetworkError("could not load voxwire's resampler module", { dialect, cause });
  }
}
