// The Omnia Voice guide's own Python client (docs/sources.md), unmodified but for its create-call URL,
// against the Omnia simulator. The client is not in the repository: it is taken out of the vendor
// document at test time (seed-client.ts), and every test here is skipped, saying why, without it.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Simulator, startSimulator } from "@voxwire/conformance";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { omniaFront } from "../../src/testing/index.js";
import { findOmniaGuide, REPO_ROOT, SEED_CREATE_URL, seedClientFor } from "./seed-client.js";

const HERE = join(REPO_ROOT, "packages/omnia/test/seed-002");
const KEY = "omnia_seed_K3y_0123456789abcdef";
const AGENT = "seed-agent-7";
/** The user's voice the shim's microphone plays: the simulator's own answer clip (espeak-ng, 48 kHz). */
const SPEECH = join(REPO_ROOT, "conformance/assets/clips/answer.wav");
/** A failed run is reported after this long instead of hanging (the turn takes about 4 s of audio). */
const DEADLINE_MS = 40_000;

/**
 * What this machine can run: the venv made by setup-python.sh, and whether a real audio device
 * exists (probe-audio.py). Decided once, when the file is collected, so a skip names its reason.
 */
function environment(): { guide: string; python: string; shim: boolean; audio: string } | { skip: string } {
  const guide = findOmniaGuide();
  if ("missing" in guide) return { skip: guide.missing };
  const setup = spawnSync("bash", [join(HERE, "setup-python.sh")], { encoding: "utf8", timeout: 300_000 });
  if (setup.status !== 0)
    return { skip: `the guide's client needs Python packages this machine cannot get: ${setup.stderr.trim().split("\n").at(-1)}` };
  const python = setup.stdout.trim().split("\n").at(-1)!;
  const audio = spawnSync(python, [join(HERE, "probe-audio.py")], { encoding: "utf8" }).stdout.trim();
  return { guide: guide.path, python, shim: audio !== "device", audio };
}

const env = environment();
const skip = "skip" in env ? env.skip : undefined;
if (skip) console.warn(`Omnia Voice guide client check skipped: ${skip}`);

let sim: Simulator | undefined;
let child: ChildProcess | undefined;
let work: string | undefined;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  child = undefined;
  await sim?.close();
  sim = undefined;
  if (work) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

interface Run {
  stdout: string;
  stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Resolves when `condition` holds; rejects after the deadline with the client's output, to say what happened. */
function waitFor(condition: () => boolean, run: Run, what: string): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (condition()) return resolve();
      if (Date.now() > deadline)
        return reject(new Error(`no ${what} within ${DEADLINE_MS} ms\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

describe("the Omnia Voice guide's Python client against the Omnia simulator", () => {
  const { guide, python, shim, audio } = env as { guide: string; python: string; shim: boolean; audio: string };
  beforeEach((context) => {
    if (skip) context.skip(skip);
  });

  it("the check changes exactly one line of the guide's client: the create-call URL", () => {
    const { changed } = seedClientFor(guide, "http://127.0.0.1:1234/api/v1/calls/create");
    expect(changed).toEqual([{ before: `    target = "${SEED_CREATE_URL}"`, after: '    target = "http://127.0.0.1:1234/api/v1/calls/create"' }]);
  });

  it.each([48000, 16000])(
    "at %i Hz: creates a call, connects, streams its microphone, plays the agent and shows its states and transcripts",
    async (rate) => {
      sim = await startSimulator({ front: omniaFront({ debug: true }), fast: true, keys: [KEY] });
      work = mkdtempSync(join(tmpdir(), "voxwire-seed-002-"));
      const clientPath = join(work, "omnia_websocket_client.py");
      const statsPath = join(work, "speaker.json");
      writeFileSync(clientPath, seedClientFor(guide, `${sim.url}/api/v1/calls/create`).code);

      const run: Run = { stdout: "", stderr: "", exited: Promise.resolve({ code: null, signal: null }) };
      child = spawn(python, [clientPath, "--verbose", "--sample-rate", String(rate)], {
        cwd: work,
        env: {
          ...process.env,
          OMNIA_API_KEY: KEY,
          OMNIA_AGENT_ID: AGENT,
          PYTHONUNBUFFERED: "1",
          // The shim is used only when no audio device exists (see shim/sounddevice.py).
          ...(shim ? { PYTHONPATH: join(HERE, "shim"), SEED_SHIM_SPEECH: SPEECH, SEED_SHIM_SPEECH_DELAY_S: "0.3", SEED_SHIM_STATS: statsPath } : {}),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const proc = child;
      proc.stdout!.on("data", (chunk: Buffer) => (run.stdout += chunk.toString()));
      proc.stderr!.on("data", (chunk: Buffer) => (run.stderr += chunk.toString()));
      run.exited = new Promise((resolve) => proc.on("exit", (code, signal) => resolve({ code, signal })));

      const record = () => sim!.sessions()[0];
      if (shim) {
        // The shim's microphone talks over the greeting (a barge-in), then waits for the answer.
        await waitFor(
          () => (record()?.sent.events["agent-state"] ?? 0) >= 5 && run.stdout.includes("Agent: Sure, I can help with that.\n"),
          run,
          "full turn",
        );
      } else {
        await waitFor(() => run.stdout.includes("Agent: Hello, how can I help?\n") && (record()?.received.audio.frames ?? 0) > 0, run, "greeting");
      }
      proc.kill("SIGINT"); // the client's own way out: its SIGINT handler stops the session
      await waitFor(() => proc.exitCode !== null || proc.signalCode !== null, run, "exit after SIGINT");
      const exit = await run.exited;

      // The client: it created the call, connected, got call_started, states, transcripts and debug.
      expect(exit).toEqual({ code: 0, signal: null });
      expect(run.stderr).not.toMatch(/Traceback|Error/);
      expect(run.stdout).toContain(`Agent ID: ${AGENT}`);
      expect(run.stdout).toContain("Call created, connecting to agent...");
      expect(run.stdout).toContain("Connected! Start speaking...");
      expect(run.stdout).toContain("INFO:root:Call started successfully");
      expect(run.stdout).toContain("INFO:root:Debug: call started (");
      expect(run.stdout).toMatch(/Agent: Hello,\r/); // a partial line, rewritten by the next delta
      expect(run.stdout).toContain("Agent: Hello, how can I help?\n");
      expect(run.stdout).not.toContain(KEY); // the client prints only the key's first 20 characters

      // The simulator: the call was created at the requested rates and heard the client's audio in 10 ms blocks.
      const seen = record()!;
      expect(seen).toMatchObject({ dialect: "omnia", rates: { user: rate, agent: rate }, details: { agentId: AGENT } });
      expect(Object.keys(seen.received.audio.frameSamples)).toEqual([String(rate / 100)]);
      expect(seen.received.audio.frames).toBeGreaterThan(50);
      expect(seen.close).toMatchObject({ by: "client" });

      if (!shim) return;
      // The shim's speaker played the agent's audio through the client's AudioPlayer callback.
      const speaker = JSON.parse(readFileSync(statsPath, "utf8")) as { rate: number; blocksize: number; nonzero: number };
      expect(speaker).toMatchObject({ rate, blocksize: rate / 100 });
      expect(speaker.nonzero).toBeGreaterThan(rate / 10);
      // The turn: barge-in during the greeting, the user's utterance heard, thinking, the answer.
      expect(seen.agent.bargeIns).toBe(1);
      expect(seen.sent.events["playback-clear"]).toBe(1);
      expect(seen.agent.utterances).toHaveLength(1);
      expect(seen.agent.spoke).toEqual(["greeting", "answer"]);
      expect(run.stdout).toContain("INFO:root:Debug: barge-in:");
      expect(run.stdout).toContain("User:  \r"); // state listening
      expect(run.stdout).toContain("Agent: \r"); // state thinking
      expect(run.stdout).toContain("Agent: Sure, I can help with that.\n");
    },
    2 * DEADLINE_MS + 10_000,
  ); // a real-time call (about 5 s) on a busy machine; waitFor reports a stall first

  it("reports what stood in for the audio device", () => {
    // Not an assertion on behaviour: a record in the test output of how the run above was made.
    console.info(`Omnia Voice guide client: ${shim ? `sounddevice shimmed (no audio device: ${audio})` : "real audio devices"}; python ${python}`);
    expect(existsSync(python)).toBe(true);
  });
});
