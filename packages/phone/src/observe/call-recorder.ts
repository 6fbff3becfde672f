import type { PhoneBridge } from "../bridge.js";
import type { PhoneCall } from "../bridge-events.js";
import type { BridgeTap, TapContext } from "./bridge-tap.js";
import { fileSink, type RecordingSink } from "./recording-sink.js";
import { type WavCue, wavCueChunks, wavHeader } from "./wav-writer.js";

/** Recording bytes waiting for the sink before new ones are dropped (and counted). */
export const DEFAULT_MAX_PENDING_BYTES = 1 << 20;
/** How far behind real time the recorder writes: agent audio queued at the carrier can still be cut (barge-in). */
const SETTLE_MS = 500;
/** The timeline the recorder holds in memory, ms: writes further ahead are dropped. */
const WINDOW_MS = 4000;
/** A chunk goes to the sink once at least this much is settled. */
const FLUSH_MS = 250;
/** Caller audio this late against the clock means a gap in the stream: it is placed at the clock. */
const CALLER_GAP_MS = 200;

export interface CallRecordingOptions {
  /** Each call's recording: a file path (written as a WAV file), a sink, or undefined not to record it. */
  to: (call: PhoneCall) => string | RecordingSink | undefined;
  /** Bytes waiting for a slow sink before newer ones are dropped (default 1 MiB, about 65 s of 8 kHz stereo). */
  maxPendingBytes?: number;
  /** Told once the recording is complete (or failed). */
  onRecorded?: (recording: CallRecording) => void;
}

/** One finished recording. */
export interface CallRecording {
  readonly call: PhoneCall;
  /** The file, where `to` gave a path. */
  readonly path?: string;
  readonly sampleRate: number;
  /** Sample frames written (each one caller sample, left, and one agent sample, right). */
  readonly frames: number;
  /** Audio dropped because the sink fell behind, ms. */
  readonly droppedMs: number;
  /** The cue points written: each barge-in, and each drop. */
  readonly cues: readonly WavCue[];
  /** Set when the sink failed; what was written before stays. */
  readonly error?: string;
}

/**
 * Records a call as one stereo PCM16 WAV: the caller on the left, the agent on the right, on
 * one timeline from the carrier's start. Caller audio is placed as it streams in; agent audio
 * where the carrier plays it (after what it already queued). A barge-in removes the agent audio
 * the carrier dropped and leaves a cue labelled `barge-in: …` at that moment. The audio path
 * only copies samples into a fixed ring; chunks go to the sink asynchronously, and past
 * `maxPendingBytes` waiting they are dropped, counted and cued.
 */
export function recordCall(b: PhoneBridge, options: CallRecordingOptions, context: TapContext): BridgeTap | undefined {
  const rate = context.callerRate;
  if (context.phoneRate !== rate) return undefined; // one timeline needs one rate: every shipped carrier leg has it
  const scheduler = context.scheduler;
  const maxPending = options.maxPendingBytes ?? DEFAULT_MAX_PENDING_BYTES;
  const window = Math.round((WINDOW_MS * rate) / 1000);
  const ring = new Int16Array(window * 2);
  const settle = Math.round((SETTLE_MS * rate) / 1000);
  const flushEvery = Math.round((FLUSH_MS * rate) / 1000);
  const gap = Math.round((CALLER_GAP_MS * rate) / 1000);
  const cues: { at: number; label: string }[] = [];
  const drops: { at: number; frames: number }[] = [];
  let sink: RecordingSink | undefined;
  let path: string | undefined;
  let call: PhoneCall | undefined;
  let startAt = 0;
  let callerPos = 0;
  let agentPos = 0;
  let flushed = 0;
  let written = 0;
  let droppedFrames = 0;
  let pendingBytes = 0;
  let error: string | undefined;
  let chain: Promise<void> = Promise.resolve();

  const wall = (now: number) => Math.floor(((now - startAt) * rate) / 1000);

  function place(samples: Int16Array, at: number, channel: 0 | 1): void {
    const n = samples.length;
    for (let i = 0; i < n; i++) {
      const pos = at + i;
      if (pos < flushed || pos >= flushed + window) continue; // outside the held timeline: lost (rare: a stalled clock)
      ring[(pos % window) * 2 + channel] = samples[i]!;
    }
  }

  function silence(from: number, to: number, channel: 0 | 1): void {
    for (let pos = Math.max(from, flushed); pos < to && pos < flushed + window; pos++) ring[(pos % window) * 2 + channel] = 0;
  }

  function flush(until: number): void {
    const end = Math.min(until, flushed + window);
    if (end <= flushed) return;
    const frames = end - flushed;
    const chunk = new Uint8Array(frames * 4);
    const view = new DataView(chunk.buffer);
    for (let i = 0; i < frames; i++) {
      const r = ((flushed + i) % window) * 2;
      view.setInt16(i * 4, ring[r]!, true);
      view.setInt16(i * 4 + 2, ring[r + 1]!, true);
      ring[r] = 0;
      ring[r + 1] = 0;
    }
    const at = flushed;
    flushed = end;
    enqueue(chunk, at, frames);
  }

  function enqueue(chunk: Uint8Array, at: number, frames: number): void {
    if (!sink || error !== undefined || pendingBytes + chunk.length > maxPending) {
      droppedFrames += frames;
      drops.push({ at, frames });
      return;
    }
    pendingBytes += chunk.length;
    const target = sink;
    chain = chain.then(async () => {
      try {
        if (error === undefined) await target.write(chunk);
        if (error === undefined) written += frames;
      } catch (cause) {
        error = cause instanceof Error ? cause.message : String(cause);
      } finally {
        pendingBytes -= chunk.length;
      }
    });
  }

  function maybeFlush(now: number): void {
    const settled = wall(now) - settle;
    if (settled - flushed >= flushEvery) flush(settled);
  }

  const offs = [
    b.on("call-started", (event) => {
      call = event.call;
      const to = options.to(call);
      if (to === undefined) return;
      if (typeof to === "string") {
        path = to;
        sink = fileSink(to);
      } else sink = to;
      startAt = scheduler.now();
      const header = wavHeader(2, rate, 0);
      const view = new DataView(header.buffer);
      view.setUint32(4, 0xffffffff, true); // sizes unknown until the end (what streaming writers put there)
      view.setUint32(40, 0xffffffff, true);
      pendingBytes += header.length;
      const target = sink;
      chain = target.write(header).then(
        () => {
          pendingBytes -= header.length;
        },
        (cause: unknown) => {
          pendingBytes -= header.length;
          error = cause instanceof Error ? cause.message : String(cause);
        },
      );
    }),
    b.on("ended", () => {
      for (const off of offs.splice(0)) off();
      if (!sink || !call) return;
      const now = wall(scheduler.now());
      silence(now, agentPos, 1); // still queued at the carrier when the call ended: never played
      flush(Math.max(callerPos, now));
      void finish(sink, call);
    }),
  ];

  async function finish(target: RecordingSink, finished: PhoneCall): Promise<void> {
    await chain;
    // Cue positions are on the file's timeline: audio dropped before a cue is not in the file.
    const fileCues: WavCue[] = cues.map((cue) => ({
      position: cue.at - drops.reduce((n, d) => (d.at < cue.at ? n + Math.min(d.frames, cue.at - d.at) : n), 0),
      label: cue.label,
    }));
    for (const d of drops) {
      const before = drops.reduce((n, e) => (e.at < d.at ? n + e.frames : n), 0);
      fileCues.push({ position: d.at - before, label: `dropped: ${Math.round((d.frames * 1000) / rate)} ms (the sink fell behind)` });
    }
    fileCues.sort((x, y) => x.position - y.position);
    if (error === undefined) {
      try {
        const trailer = wavCueChunks(fileCues);
        await target.finish(wavHeader(2, rate, written * 4, trailer.length), trailer);
      } catch (cause) {
        error = cause instanceof Error ? cause.message : String(cause);
      }
    }
    options.onRecorded?.({
      call: finished,
      ...(path !== undefined ? { path } : {}),
      sampleRate: rate,
      frames: written,
      droppedMs: (droppedFrames * 1000) / rate,
      cues: fileCues,
      ...(error !== undefined ? { error } : {}),
    });
  }

  return {
    callerAudio(audio, now) {
      if (!sink) return;
      const clock = wall(now);
      if (callerPos < clock - gap) callerPos = clock;
      place(audio, callerPos, 0);
      callerPos += audio.length;
      maybeFlush(now);
    },
    agentAudioSent(frame, _ms, _turn, _startsTurn, now) {
      if (!sink) return;
      agentPos = Math.max(agentPos, wall(now));
      place(frame, agentPos, 1);
      agentPos += frame.length;
      maybeFlush(now);
    },
    bargeIn(_latencyMs, droppedMs, carrierQueuedMs, now) {
      if (!sink) return;
      const at = wall(now);
      silence(at, agentPos, 1);
      agentPos = at;
      cues.push({
        at,
        label: `barge-in: cleared ${Math.round(carrierQueuedMs)} ms queued at the carrier, ${Math.round(droppedMs)} ms in the bridge`,
      });
    },
  };
}
