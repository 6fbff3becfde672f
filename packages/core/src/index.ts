export * from "./audio/index.js";
// The resampler's surface is exported here, not from audio/index.ts: every page uses that barrel
// (the codecs), and esbuild puts up front any module a used file imports, even for an unused name;
// from here the resampler stays in the chunk connect() loads only when rates differ.
export { createResampler } from "./audio/resampler.js";
export { RESAMPLER_PRESETS, type ResamplerPreset } from "./audio/resampler-design.js";
export type { Resampler, ResamplerBackendChoice, ResamplerOptions, ResamplerOutput, ResamplerQuality } from "./audio/resampler-types.js";
export { wasmSimdAvailable } from "./audio/resampler-wasm-engine.js";
export * from "./credentials/index.js";
export type * from "./dialect/current.js";
export type * from "./dialect/v2/index.js";
export * from "./dialect-kit/index.js";
export * from "./errors/index.js";
export * from "./events/index.js";
export { MIN_SECRET_LENGTH, REDACTED, redact, redactThenCut, redactUrl, SecretSet } from "./secrets/redact.js";
export { urlSecrets } from "./secrets/url-secrets.js";
export * from "./session/index.js";
export { CLOUDFLARE_WORKERS_USER_AGENT, detectRuntime, isBrowserLike, isCloudflareWorkers } from "./util/runtime.js";
