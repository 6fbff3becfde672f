import { EnergyVad } from "@voxwire/conformance";
// Shared by the Orbitali simulator tests: utterance lengths measured the way the simulator
// measures them (in audio time, not wall time), and audio sent in uneven pieces.

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
