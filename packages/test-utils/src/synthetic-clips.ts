import { ClipLibrary, sine } from "@voxwire/conformance";

/** Short clips made at `sampleRate` (no resampling): a 200 ms greeting and a 300 ms answer. */
export function syntheticClips(sampleRate: number): ClipLibrary {
  return new ClipLibrary([
    { id: "greeting", text: "Hello, how can I help?", sampleRate, samples: sine(sampleRate, 0.2, 300, 6000) },
    { id: "answer", text: "Sure, I can help with that.", sampleRate, samples: sine(sampleRate, 0.3, 400, 6000) },
  ]);
}
