// Shared by the Orbitali simulator tests: speech from the agent clips, silence, and utterance
// lengths measured the way the simulator measures them (in audio time, not wall time).
import { ClipLibrary } from "../src/index.js";
import { EnergyVad } from "../src/simulator/energy-vad.js";

const clips = ClipLibrary.fromAssets();

/** The "answer" clip (real speech) at `sampleRate`, as one array. */
export function speech(sampleRate: number): Int16Array {
  return join(clips.at("answer", sampleRate).frames);
}

export function silence(sampleRate: number, seconds: number): Int16Array {
  return new Int16Array(Math.round(sampleRate * seconds));
}

export function join(parts: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The utterance lengths (ms) the simulator's VAD finds in `audio` at `sampleRate`. */
export function utterancesMs(audio: Int16Array, sampleRate: number): number[] {
  const found: number[] = [];
  const vad = new EnergyVad({ sampleRate });
  vad.push(audio, (event) => {
    if (event.type === "speech-end") found.push(event.durationMs);
  });
  return found;
}

/** Sends `audio` in uneven pieces, as a capture callback would. */
export function sendInPieces(send: (audio: Int16Array) => void, audio: Int16Array, piece = 1111): void {
  for (let i = 0; i < audio.length; i += piece) send(audio.subarray(i, i + piece));
}

/** Resolves once `condition` holds, checking every few ms (state that changes on another socket). */
export function eventually(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (condition() ? resolve() : setTimeout(poll, 5));
    poll();
  });
}
