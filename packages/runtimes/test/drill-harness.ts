// The Node side of every runtime's drills: one simulator per dialect (fast mode), a server that
// refuses every upgrade with a 400, the DrillInput that points a runtime at them, and the checks
// of what came back against what the simulators saw.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type ConformanceSubject, type SessionRecord, type Simulator, startSimulator } from "@voxwire/conformance";
import { deepgramSubject } from "@voxwire/deepgram/testing";
import { ELEVENLABS_SAMPLE_AGENT, elevenlabsSubject } from "@voxwire/elevenlabs/testing";
import { geminiSubject } from "@voxwire/gemini/testing";
import { omniSubject } from "@voxwire/omni/testing";
import { OMNIA_SAMPLE_AGENT, omniaSubject, ultravoxSubject } from "@voxwire/omnia/testing";
import { openaiSubject } from "@voxwire/openai/testing";
import { ORBITALI_SAMPLE_AGENT, orbitaliSubject } from "@voxwire/orbitali/testing";
import { tokenFirstSubject } from "@voxwire/token-first/testing";
import { expect } from "vitest";
import { APP_RATE, DRILL_DIALECTS, type DrillInput, type DrillOutput, type DrillReport } from "../src/index.js";

/** Each drilled dialect's conformance subject (for its simulator front) and the agent that front knows. */
const FRONTS: Readonly<Record<string, { subject: ConformanceSubject; agentId?: string }>> = {
  omni: { subject: omniSubject },
  omnia: { subject: omniaSubject, agentId: OMNIA_SAMPLE_AGENT },
  "token-first": { subject: tokenFirstSubject },
  orbitali: { subject: orbitaliSubject, agentId: ORBITALI_SAMPLE_AGENT },
  openai: { subject: openaiSubject },
  ultravox: { subject: ultravoxSubject, agentId: OMNIA_SAMPLE_AGENT },
  gemini: { subject: geminiSubject },
  elevenlabs: { subject: elevenlabsSubject, agentId: ELEVENLABS_SAMPLE_AGENT },
  deepgram: { subject: deepgramSubject },
};

const KEY = "pyai_drill_runt1meK3y_0123456789";

export interface DrillStage {
  /** A fresh input per run: the same simulators, the refusing server. */
  input(transport: DrillInput["transport"], dialects?: readonly string[]): DrillInput;
  /** The simulator record of the one session a run of `dialect` opened since `input()`. */
  record(dialect: string): SessionRecord | undefined;
  close(): Promise<void>;
}

/** Starts a simulator for every dialect in DRILL_DIALECTS, and the refusing server. */
export async function startDrillStage(): Promise<DrillStage> {
  const simulators = new Map<string, Simulator>();
  for (const dialect of Object.keys(DRILL_DIALECTS)) {
    const spec = FRONTS[dialect];
    if (!spec) throw new Error(`test/drill-harness.ts has no simulator front for the dialect "${dialect}"`);
    simulators.set(dialect, await startSimulator({ front: spec.subject.front!(), keys: [KEY], fast: true }));
  }
  const refusing = createServer((_request, response) => response.writeHead(400, { "content-type": "text/plain" }).end("refused"));
  await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
  const seen = new Map<string, number>();
  return {
    input(transport, dialects = [...simulators.keys()]) {
      for (const dialect of dialects) seen.set(dialect, simulators.get(dialect)!.sessions().length);
      return {
        transport,
        refusingUrl: `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`,
        drills: dialects.map((dialect) => ({ dialect, url: simulators.get(dialect)!.url, key: KEY, agentId: FRONTS[dialect]!.agentId })),
      };
    },
    record(dialect) {
      return simulators
        .get(dialect)
        ?.sessions()
        .slice(seen.get(dialect) ?? 0)[0];
    },
    async close() {
      await Promise.all([...simulators.values()].map((sim) => sim.close()));
      refusing.closeAllConnections();
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    },
  };
}

/** The line of DrillOutput JSON a runtime printed last, or what it printed instead. */
export function parseOutput(stdout: string, stderr: string): DrillOutput {
  const line = stdout.trim().split("\n").at(-1) ?? "";
  let parsed: DrillOutput & { error?: string };
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new Error(`no JSON from the runtime. stdout:\n${stdout.slice(-2000)}\nstderr:\n${stderr.slice(-2000)}`);
  }
  if (parsed.error) throw new Error(`the runtime's entry failed: ${parsed.error}\nstderr:\n${stderr.slice(-2000)}`);
  return parsed;
}

/**
 * One drill, judged from both sides: the runtime heard the greeting, its playback-clear and the
 * answer at the application's rate and closed cleanly; the simulator heard the tone (barge-in)
 * and the user's audio, spoke both clips, and the session ended normally.
 */
export function expectDrillPassed(report: DrillReport, record: SessionRecord | undefined): void {
  const context = JSON.stringify({ ...report, record: record && { state: record.state, agent: record.agent, close: record.close } });
  expect(report.failure, context).toBeUndefined();
  expect(report.greetingSamples, context).toBeGreaterThan(0);
  expect(report.bargeIn, context).toBe(report.bargeInCapable);
  expect(report.answerSamples, context).toBeGreaterThan(0);
  expect(report.outputRates, context).toEqual([APP_RATE]);
  expect(report.ended, context).toMatchObject({ reason: "closed" });
  expect(record, context).toBeDefined();
  expect(record!.agent.bargeIns, context).toBe(1);
  expect(record!.agent.spoke, context).toEqual(["greeting", "answer"]);
  // The tone and the silence, resampled to the wire: at least the 1.5 s that was sent, less a frame.
  expect(record!.received.audio.seconds, context).toBeGreaterThan(1.45);
  // A normal close: the client's, or the server's answer to the client's stop message (Orbitali's session_stop).
  expect(record!.state, context).toBe("ended");
  expect(record!.close?.code, context).toBe(1000);
}

/** The error code a refused dial ends in: `invalid_request` where the socket reports the HTTP 400, `network` where it hides it. */
export type RefusalCode = "invalid_request" | "network";

/**
 * Every drill of a run, then the refused dials: their typed errors, never the open deadline's
 * TimeoutError. `ws` and Workers' fetch upgrade report the 400, which the dialect classifies
 * (`invalid_request`); a global WebSocket hides the status (`network`). `[subprotocol, header]`.
 */
export function expectRunPassed(output: DrillOutput, stage: DrillStage, refusals: [RefusalCode, RefusalCode]): void {
  expect(output.drills.map((report) => report.dialect)).toEqual(Object.keys(DRILL_DIALECTS));
  for (const report of output.drills) expectDrillPassed(report, stage.record(report.dialect));
  expect(output.refusal, JSON.stringify(output.refusal)).toMatchObject({ code: refusals[0] });
  expect(output.headerRefusal, JSON.stringify(output.headerRefusal)).toMatchObject({ code: refusals[1] });
}
