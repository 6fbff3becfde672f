/*
 * The two processor modules as self-contained scripts. They are bundled (with core's resampler)
 * by scripts/worklet-bundles.ts and inlined here as string constants at build time: tsup for the
 * published package, vitest and esbuild for the tests and the demo. Loaded from raw sources
 * without that step, the constants are empty and loading the worklets fails with a clear error.
 */
declare const __VOXWIRE_CAPTURE_WORKLET__: string | undefined;
declare const __VOXWIRE_PLAYBACK_WORKLET__: string | undefined;

/** The `voxwire-capture` AudioWorklet module: serve it yourself when a CSP refuses blob: URLs. */
export const CAPTURE_WORKLET_SOURCE: string = typeof __VOXWIRE_CAPTURE_WORKLET__ === "string" ? __VOXWIRE_CAPTURE_WORKLET__ : "";

/** The `voxwire-playback` AudioWorklet module: serve it yourself when a CSP refuses blob: URLs. */
export const PLAYBACK_WORKLET_SOURCE: string = typeof __VOXWIRE_PLAYBACK_WORKLET__ === "string" ? __VOXWIRE_PLAYBACK_WORKLET__ : "";
