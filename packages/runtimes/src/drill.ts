import { connect, createResampler, type InboundEvent, type Session, type WebSocketConstructor, wasmSimdAvailable } from "@voxwire/core";
import { DRILL_DIALECTS, type DrillTarget } from "./dialects.js";

/** The application's rate, a browser's: every dialect resamples it to its wire and back. */
export const APP_RATE = 48000;
const FRAME = APP_RATE / 50;
/** Each step's deadline; a step that misses it fails the drill with its name. */
const STEP_MS = 8000;
/** No agent audio for this long: the simulator's unpaced burst of a turn is over. */
const QUIET_MS = 300;

/** How a drill's session gets its socket: the runtime's default pick, `ws`, or the global WebSocket. */
export type DrillTransport = "default" | "ws" | "global";

export interface DrillRequest extends DrillTarget {
  dialect: string;
}

/** What one drill saw, for the test on the other side of the process to judge. */
export interface DrillReport {
  dialect: string;
  /** Undefined when every step passed; otherwise the step that failed and why. */
  failure?: string;
  /** Agent audio received before the user spoke (the greeting), at APP_RATE. */
  greetingSamples: number;
  /** Whether the dialect declares barge-in: then its wire carries the agent's playback-clear. */
  bargeInCapable: boolean;
  /** A playback-clear arrived after the user talked over the agent. */
  bargeIn: boolean;
  /** Agent audio after the user spoke (the answer to it). */
  answerSamples: number;
  /** Every rate audio arrived at (the session's output rate only, if it resampled). */
  outputRates: number[];
  sentSamples: number;
  ended?: { reason: string; code?: number };
  /** Event types in order, runs collapsed: [type, how many]. For reading a failure. */
  events: [string, number][];
  /** The first few error events' codes and messages, for reading a failure. */
  errors: string[];
}

/** What the runtime offers the drills: read inside it, reported beside them. */
export interface RuntimeFacts {
  detectedRuntime: string;
  globalWebSocket: string;
  wasmSimd: boolean;
  resamplerBackend: string;
}

export function runtimeFacts(detected: string): RuntimeFacts {
  return {
    detectedRuntime: detected,
    globalWebSocket: typeof (globalThis as { WebSocket?: unknown }).WebSocket,
    wasmSimd: wasmSimdAvailable(),
    resamplerBackend: createResampler(APP_RATE, 16000).backend,
  };
}

/**
 * One conversation with a simulator: connect, hear the greeting, talk over it (a 220 Hz tone the
 * simulator's voice detector hears; the simulator runs in fast mode, where it sends a turn's audio
 * at once and the turn lasts until the user has streamed as much audio), see the agent clear its
 * playback where the dialect declares barge-in, go quiet, hear the answer, close.
 */
export async function drill(request: DrillRequest, WebSocket?: WebSocketConstructor): Promise<DrillReport> {
  const report: DrillReport = {
    dialect: request.dialect,
    greetingSamples: 0,
    bargeInCapable: false,
    bargeIn: false,
    answerSamples: 0,
    outputRates: [],
    sentSamples: 0,
    events: [],
    errors: [],
  };
  const factory = DRILL_DIALECTS[request.dialect];
  if (!factory) return { ...report, failure: `no drill for the dialect "${request.dialect}"` };
  let session: Session | undefined;
  let step = "connect";
  try {
    session = await connect(factory(request), {
      ...(WebSocket ? { WebSocket } : {}),
      input: { sampleRate: APP_RATE },
      output: { sampleRate: APP_RATE },
      timeouts: { openMs: STEP_MS, bootstrapMs: STEP_MS },
    });
    const live = session;
    report.bargeInCapable = live.capabilities.bargeIn;
    const rates = new Set<number>();
    let talking = false;
    live.on("*", (event: InboundEvent) => {
      const last = report.events.at(-1);
      if (last?.[0] === event.type) last[1]++;
      else report.events.push([event.type, 1]);
      if (event.type === "audio-chunk") {
        rates.add(event.sampleRate);
        if (talking) report.answerSamples += event.audio.length;
        else report.greetingSamples += event.audio.length;
      }
      if (event.type === "playback-clear") report.bargeIn = true;
      if (event.type === "error" && report.errors.length < 3) report.errors.push(`${event.code}: ${event.message}`);
    });
    step = "the greeting";
    await until(live, () => report.greetingSamples > 0);
    await quiet(live, QUIET_MS); // the rest of the greeting's burst, so what comes later is the answer
    step = "talking over the greeting";
    talking = true;
    const tone = new Int16Array(APP_RATE / 2);
    for (let i = 0; i < tone.length; i++) tone[i] = Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / APP_RATE));
    send(live, tone, report);
    if (report.bargeInCapable) await until(live, () => report.bargeIn);
    step = "the answer";
    // The simulator answers after 600 ms of silence; a second of it leaves room for the answer's turn.
    send(live, new Int16Array(APP_RATE), report);
    await until(live, () => report.answerSamples > 0);
    step = "close";
    await live.close();
    const ended = await live.ended;
    report.ended = ended.code === undefined ? { reason: ended.reason } : { reason: ended.reason, code: ended.code };
    report.outputRates = [...rates];
    return report;
  } catch (error) {
    const why = error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error);
    await session?.close().catch(() => {});
    return { ...report, failure: `${step}: ${why}` };
  }
}

function send(session: Session, audio: Int16Array, report: DrillReport): void {
  for (let i = 0; i < audio.length; i += FRAME) session.sendAudio(audio.subarray(i, i + FRAME));
  report.sentSamples += audio.length;
}

/** Resolves once `done()` holds (checked after every event); rejects after STEP_MS or when the session ends first. */
function until(session: Session, done: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    if (done()) return resolve();
    const timer = setTimeout(() => finish(new Error(`nothing within ${STEP_MS} ms`)), STEP_MS);
    const off = session.on("*", (event) => {
      if (done()) finish();
      else if (event.type === "session-ended") finish(new Error(`the session ended (${event.reason})`));
    });
    function finish(error?: Error) {
      clearTimeout(timer);
      off();
      if (error) reject(error);
      else resolve();
    }
  });
}

/** Resolves once no audio has arrived for `ms`. */
function quiet(session: Session, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        off();
        resolve();
      }, ms);
    };
    const off = session.on("audio-chunk", arm);
    arm();
  });
}
