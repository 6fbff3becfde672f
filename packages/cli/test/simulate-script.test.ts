// `voxwire simulate --greeting/--reply/--script`: the agent speaks the caller's WAVs (any rate,
// converted per session with core's pipeline), a client hears them, and barge-in still cuts them off.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { joinSamples, measureTone, silence, sine, startSimulator, toneFrequency, writeWavPcm16 } from "@voxwire/conformance";
import { connect, type Session } from "@voxwire/core";
import { omniFront, omniSubject } from "@voxwire/omni/testing";
import { captureIo, eventually, syntheticClips } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/main.js";

const KEY = "sim-script-key";
const RATE = 16000;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "voxwire-sim-script-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A WAV of `seconds` of a `hz` tone at `rate` (not the session's rate: the simulator converts it). */
function toneWav(dir: string, name: string, seconds: number, hz: number, rate = 22050): string {
  const path = join(dir, name);
  writeFileSync(path, writeWavPcm16(sine(rate, seconds, hz, 8000), rate));
  return path;
}

/** `voxwire simulate omni …` until the test ends; resolves with its URL and its JSON records. */
async function simulate(extra: string[]) {
  const stop = new AbortController();
  const cli = captureIo({ signal: stop.signal });
  const exit = main(["simulate", "omni", "--port", "0", "--key", KEY, "--json", "--quiet", ...extra], cli.io);
  let stopped = false;
  const finish = async () => {
    if (stopped) return;
    stopped = true;
    stop.abort();
    expect(await exit).toBe(0);
  };
  cleanups.push(finish);
  await eventually(() => cli.stdout().includes("\n"));
  const first = cli.stdout().split("\n")[0]!;
  expect(first).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+$/);
  const records = async () => {
    await finish();
    return JSON.parse(cli.stdout().slice(first.length + 1)) as {
      sessions: { agent: { spoke: string[]; bargeIns: number; utterances: unknown[] } }[];
    };
  };
  return { url: first.replace("listening ", ""), records };
}

/** An Omni session at 16 kHz that keeps every audio chunk and notes each playback-clear. */
async function listen(url: string) {
  const session: Session = await connect(omniSubject.client({ url, key: KEY, sampleRate: RATE }));
  cleanups.push(() => session.close());
  const chunks: Int16Array[] = [];
  let clears = 0;
  let transcript = "";
  session.on("audio-chunk", (event) => {
    expect(event.sampleRate).toBe(RATE);
    chunks.push(event.audio.slice());
  });
  session.on("playback-clear", () => clears++);
  session.on("transcript-end", (event) => {
    if (event.role === "agent") transcript = event.text;
  });
  const heard = () => joinSamples(chunks);
  return { session, heard, seconds: () => heard().length / RATE, clears: () => clears, transcript: () => transcript };
}

describe("voxwire simulate: the agent's own clips", () => {
  it("--greeting: a client hears that WAV, at its pitch and for its length, and barge-in still cuts it off", async () => {
    const dir = tempDir();
    const greeting = toneWav(dir, "long-tone.wav", 2, 660);
    const { url, records } = await simulate(["--greeting", greeting]);

    // The whole greeting, paced at real time: the tone, as long as the WAV (to a 20 ms frame).
    const whole = await listen(url);
    await eventually(() => whole.seconds() >= 1.98, "the audio", 6000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(whole.seconds()).toBeGreaterThanOrEqual(1.98);
    expect(whole.seconds()).toBeLessThanOrEqual(2.04);
    expect(toneFrequency(whole.heard(), RATE).hz).toBeCloseTo(660, -1);
    expect(Math.abs(measureTone(whole.heard(), RATE)! - 660)).toBeLessThan(10);
    expect(whole.transcript()).toBe("[long-tone.wav]");
    await whole.session.close();

    // Talking over it: the agent stops at once (playback-clear) and the rest is never sent.
    const interrupted = await listen(url);
    await eventually(() => interrupted.seconds() >= 0.4, "the audio", 4000);
    interrupted.session.sendAudio(joinSamples([sine(RATE, 0.3, 300, 12000), silence(RATE, 0.1)]));
    await eventually(() => interrupted.clears() === 1, "the audio", 3000);
    const atClear = interrupted.seconds();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(interrupted.seconds()).toBeLessThan(atClear + 0.1);
    expect(interrupted.seconds()).toBeLessThan(1.5);
    await interrupted.session.close();

    const { sessions } = await records();
    expect(sessions.map((s) => s.agent.spoke[0])).toEqual(["greeting", "greeting"]);
    expect(sessions.map((s) => s.agent.bargeIns)).toEqual([0, 1]);
  }, 30_000);

  it("--script: the greeting, then each turn in order, one per utterance (fast)", async () => {
    const dir = tempDir();
    toneWav(dir, "hello.wav", 0.3, 500, 48000);
    toneWav(dir, "one.wav", 0.2, 700, 8000);
    toneWav(dir, "two.wav", 0.2, 900, 44100);
    const script = join(dir, "agent.json");
    writeFileSync(script, JSON.stringify({ greeting: "hello.wav", turns: ["one.wav", { audio: "two.wav", text: "Second." }] }));
    const { url, records } = await simulate(["--script", script, "--fast"]);
    const client = await listen(url);
    await eventually(() => client.seconds() >= 0.3);
    const greetingHz = toneFrequency(client.heard(), RATE).hz;
    expect(greetingHz).toBeCloseTo(500, -1);
    // Each utterance: 0.3 s of silence (the agent's fast turn ends), 0.3 s of speech, 0.7 s of silence.
    const utterance = joinSamples([silence(RATE, 0.3), sine(RATE, 0.3, 300, 12000), silence(RATE, 0.7)]);
    for (const [n, hz] of [
      [1, 700],
      [2, 900],
    ] as const) {
      const before = client.heard().length;
      client.session.sendAudio(utterance);
      await eventually(() => client.heard().length - before >= 0.2 * RATE, "the audio", 4000);
      expect(toneFrequency(client.heard().subarray(before), RATE).hz, `turn ${n}`).toBeCloseTo(hz, -1);
    }
    expect(client.transcript()).toBe("Second.");
    const { sessions } = await records();
    expect(sessions[0]!.agent.spoke).toEqual(["greeting", "turn-1", "turn-2"]);
  }, 30_000);

  it("--reply alone keeps the built-in greeting; bad scripts and tool calls are usage errors", async () => {
    const dir = tempDir();
    const reply = toneWav(dir, "reply.wav", 0.2, 800);
    const { url, records } = await simulate(["--reply", reply, "--fast"]);
    const client = await listen(url);
    await eventually(() => client.transcript() !== "");
    expect(client.transcript()).toBe("Hello, how can I help?");
    await client.session.close();
    expect((await records()).sessions[0]!.agent.spoke).toEqual(["greeting"]);

    const write = (name: string, doc: unknown) => {
      const path = join(dir, name);
      writeFileSync(path, typeof doc === "string" ? doc : JSON.stringify(doc));
      return path;
    };
    writeFileSync(join(dir, "not-a-wav.wav"), "hello");
    // The engine checks a script against its clips before it listens.
    await expect(
      startSimulator({ front: omniFront(), clips: syntheticClips(RATE), script: { greeting: "hello", answers: ["answer"] } }),
    ).rejects.toThrow('the agent script names clip "hello", which the clips lack (have: greeting, answer)');
    for (const [argv, message] of [
      [
        ["--script", write("tool.json", { greeting: "reply.wav", turns: [{ tool: "lookup", arguments: {} }] })],
        'turn 1 is a tool call: a turn is audio; name the tool in the script\'s "toolCall" field',
      ],
      [["--script", write("tool2.json", { turns: ["reply.wav", { type: "tool-call", name: "x" }] })], "turn 2 is a tool call"],
      [["--script", write("empty.json", {})], 'give a "greeting", "turns" or a "toolCall"'],
      [["--script", write("omni-tool.json", { toolCall: { name: "lookup" } })], '"toolCall" needs a dialect with tool calls; omni declares none'],
      [["--script", write("bad-tool.json", { toolCall: { name: "" } })], '"name" must be a non-empty string'],
      [["--script", write("broken.json", "{ nope")], "--script"],
      [["--script", write("extra.json", { greeting: "reply.wav", voice: "x" })], 'unknown field "voice"'],
      [["--script", write("missing.json", { greeting: "nope.wav" })], "nope.wav: no such file"],
      [["--greeting", join(dir, "not-a-wav.wav")], "not a RIFF/WAVE file"],
      [["--script", write("ok.json", { greeting: "reply.wav" }), "--reply", reply], "give --script, or --greeting and --reply, not both"],
    ] as const) {
      const cli = captureIo();
      expect(await main(["simulate", "omni", ...argv], cli.io), argv.join(" ")).toBe(2);
      expect(cli.stderr()).toContain(message);
      expect(cli.stderr()).toContain("usage: voxwire simulate");
    }
  }, 30_000);
});
