/** Resampler presets; figures are in docs/audio-pipeline.md and held by the quality tests. */
export type ResamplerQuality = "fast" | "voice" | "high";
