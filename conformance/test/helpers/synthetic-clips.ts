import { ClipLibrary } from "../../src/simulator/clip-library.js";
import { tone } from "./signals.js";

/** Short clips made at `sampleRate` (no resampling): a 200 ms greeting and a 300 ms answer. */
export function syntheticClips(sampleRate: number): ClipLibrary {
  return new ClipLibrary([
    { id: "greeting", text: "Hello, how can I help?", sampleRate, samples: tone(sampleRate, 0.2, 6000, 300) },
    { id: "answer", text: "Sure, I can help with that.", sampleRate, samples: tone(sampleRate, 0.3, 6000, 400) },
  ]);
}
