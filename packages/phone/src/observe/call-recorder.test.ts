import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type CallRecording, parseWav, type RecordingSink } from "../index.js";
import { observedCall, settle } from "./observed-call.test-helpers.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The distinct values of one channel over [from, to), in runs: [value, length][]. */
function runs(samples: Int16Array, channel: 0 | 1, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = from; i < to; i++) {
    const v = samples[i * 2 + channel]!;
    const last = out.at(-1);
    if (last && last[0] === v) last[1]++;
    else out.push([v, 1]);
  }
  return out;
}

describe("call recording", () => {
  it("writes caller (left) and agent (right) on one timeline, the barge-in's cut removed and cued", async () => {
    const dir = await mkdtemp(join(tmpdir(), "voxwire-rec-"));
    dirs.push(dir);
    let done!: (r: CallRecording) => void;
    const recorded = new Promise<CallRecording>((resolve) => (done = resolve));
    const call = observedCall({ recording: { to: (c) => join(dir, `${c.callId}.wav`), onRecorded: done } });
    call.leg.start();
    await settle();
    await call.caller(10, 1000); // 0–200 ms: the caller
    call.agentSays(5, 2000); // 200–300 ms: the agent's first answer
    await call.caller(20, 0); // to 600 ms
    call.agentSays(25, 3000); // from 600 ms: a long answer…
    await call.caller(3, 0); // …cut at 660 ms
    call.agent.emit({ type: "playback-clear" });
    await call.caller(10, 500); // 660–860 ms: the caller again
    await call.b.close();
    const recording = await recorded;

    expect(recording).toMatchObject({ path: join(dir, "C1.wav"), sampleRate: 8000, frames: 6880, droppedMs: 0 });
    const bytes = await readFile(recording.path!);
    const wav = parseWav(bytes);
    expect(wav).toMatchObject({ channels: 2, sampleRate: 8000 });
    expect(wav.samples.length).toBe(6880 * 2);
    expect(runs(wav.samples, 0, 0, 6880)).toEqual([
      [1000, 1600],
      [0, 3680],
      [500, 1600],
    ]);
    expect(runs(wav.samples, 1, 0, 6880)).toEqual([
      [0, 1600],
      [2000, 800],
      [0, 2400],
      [3000, 480], // what the caller heard of the long answer before the cut
      [0, 1600],
    ]);
    expect(wav.cues).toHaveLength(1);
    expect(wav.cues[0]!.position).toBe(5280);
    expect(wav.cues[0]!.label).toMatch(/^barge-in: cleared \d+ ms queued at the carrier, \d+ ms in the bridge$/);
    expect(recording.cues).toEqual(wav.cues);
  });

  it("never waits for a slow sink: past maxPendingBytes audio is dropped, counted and cued", async () => {
    const chunks: Uint8Array[] = [];
    let release!: () => void;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    let finished: { header: Uint8Array; trailer: Uint8Array } | undefined;
    const sink: RecordingSink = {
      async write(chunk) {
        chunks.push(chunk);
        await stalled;
      },
      async finish(header, trailer) {
        finished = { header, trailer };
      },
    };
    let done!: (r: CallRecording) => void;
    const recorded = new Promise<CallRecording>((resolve) => (done = resolve));
    const call = observedCall({ recording: { to: () => sink, maxPendingBytes: 8000, onRecorded: done } });
    call.leg.start();
    await settle();
    await call.caller(150, 1000); // 3 s of caller audio while the sink takes nothing
    expect(chunks).toHaveLength(1); // the header; the rest waits or was dropped
    release();
    await call.b.close();
    const recording = await recorded;
    expect(recording.droppedMs).toBeGreaterThan(0);
    expect(recording.frames + (recording.droppedMs * 8000) / 1000).toBe(150 * 160);
    expect(recording.cues.some((cue) => cue.label.startsWith("dropped:"))).toBe(true);
    expect(finished).toBeDefined();
    const view = new DataView(finished!.header.buffer);
    expect(view.getUint32(40, true)).toBe(recording.frames * 4);
  });

  it("records nothing for a call the application skips", async () => {
    let asked = 0;
    const call = observedCall({
      recording: {
        to: () => {
          asked++;
          return undefined;
        },
        onRecorded: () => expect.unreachable(),
      },
    });
    call.leg.start();
    await settle();
    await call.caller(5, 1000);
    await call.b.close();
    await settle();
    expect(asked).toBe(1);
  });
});
