import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createAudioPipeline, frameSamplesFor } from "@voxwire/core";
import { parseWavPcm16 } from "./wav.js";

/** Agent audio is sent in frames of this length, at the session's rate. */
export const AGENT_FRAME_MS = 20;

/** One recorded agent line: what it says and its audio at the rate it was made. */
export interface AgentClip {
  readonly id: string;
  readonly text: string;
  readonly sampleRate: number;
  readonly samples: Int16Array;
}

/** A clip converted for one session: 20 ms frames at the session's rate. */
export interface SessionClip {
  readonly id: string;
  readonly text: string;
  readonly sampleRate: number;
  readonly frames: readonly Int16Array[];
  readonly durationMs: number;
}

interface Manifest {
  clips: { id: string; file: string; text: string }[];
}

/**
 * The agent's lines, loaded once from `conformance/assets/clips` (made offline by
 * scripts/make-agent-clips.sh; nothing is fetched or synthesized at run time) and converted
 * to each session rate on first use with core's audio pipeline (resample, then 20 ms frames).
 */
export class ClipLibrary {
  readonly #clips = new Map<string, AgentClip>();
  readonly #converted = new Map<string, SessionClip>();

  constructor(clips: readonly AgentClip[]) {
    for (const clip of clips) this.#clips.set(clip.id, clip);
  }

  /** Reads the manifest and its WAVs from `dir` (default: the package's `assets/clips`). */
  static fromAssets(dir: string = findClipDir()): ClipLibrary {
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
    return new ClipLibrary(
      manifest.clips.map(({ id, file, text }) => {
        const wav = parseWavPcm16(readFileSync(join(dir, file)), file);
        return { id, text, sampleRate: wav.sampleRate, samples: wav.samples };
      }),
    );
  }

  /**
   * This library with `clips` added, each replacing the clip of its id (a caller's own greeting
   * or answer over the built-in ones). The clips may be at any rate: `at` converts them.
   */
  with(clips: readonly AgentClip[]): ClipLibrary {
    return new ClipLibrary([...[...this.#clips.values()].filter((c) => !clips.some((n) => n.id === c.id)), ...clips]);
  }

  get ids(): string[] {
    return [...this.#clips.keys()];
  }

  /** The clip `id` in 20 ms frames at `sampleRate` (the last frame zero-padded); converted once per rate. */
  at(id: string, sampleRate: number): SessionClip {
    const key = `${id}@${sampleRate}`;
    const cached = this.#converted.get(key);
    if (cached) return cached;
    const clip = this.#clips.get(id);
    if (!clip) throw new Error(`no agent clip "${id}" (have: ${this.ids.join(", ")})`);
    const frames: Int16Array[] = [];
    const pipeline = createAudioPipeline({
      inputRate: clip.sampleRate,
      outputRate: sampleRate,
      frameSamples: frameSamplesFor(sampleRate, AGENT_FRAME_MS),
      quality: "high",
    });
    const keep = (frame: Int16Array) => frames.push(frame);
    pipeline.push(clip.samples, keep);
    pipeline.flush(keep, { pad: true });
    const converted: SessionClip = { id, text: clip.text, sampleRate, frames, durationMs: frames.length * AGENT_FRAME_MS };
    this.#converted.set(key, converted);
    return converted;
  }
}

/** `assets/clips` beside the package root, from the sources (src/simulator) or the bundle (dist). */
function findClipDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const candidate = join(dir, "assets", "clips");
    if (existsSync(join(candidate, "manifest.json"))) return candidate;
    dir = dirname(dir);
  }
  throw new Error("the simulator's agent clips (assets/clips/manifest.json) are missing from the package");
}
