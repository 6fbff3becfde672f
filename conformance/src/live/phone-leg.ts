import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import type { Duplex } from "node:stream";
import { accept, type InboundEvent, type Session, type WebSocketLike } from "@voxwire/core";
import { WebSocketServer } from "ws";
import { joinSamples, silence, sine } from "../audio/test-signals.js";
import { measureTone } from "../simulator/tone-meter.js";
import { describeSizes, measurePacing, round, type TimedFrame } from "./audio-measures.js";
import type { CarrierCall } from "./carrier-call.js";
import { sleep } from "./live-call.js";
import { type PhoneLegSubject, TWILIO_LIKE_AUDIO } from "./live-subject.js";
import { ms } from "./scenario.js";
import { PHONE_LEG_CATALOG, phoneLegEntry } from "./scenario-catalog.js";
import type { DialectReport, ScenarioResult } from "./scenario-result.js";

const CALLER_TONE_HZ = 440;
const AGENT_TONE_HZ = 660;
const DTMF_DIGIT = "1";
const TOLERANCE = 0.02;

interface Timed {
  readonly event: InboundEvent;
  readonly atMs: number;
}

/**
 * The live scenarios of a phone leg, with the roles turned round: the application serves the
 * stream, the carrier's simulator (`subject.dial`) dials it as the carrier would (its opening
 * messages, the caller's tone in the carrier's frames, a keypress, its goodbye), plays what comes
 * back at real time, acknowledges marks once played and honours clear. Checked from both ends:
 * the caller's tone heard by the application, the application's tone heard by the caller, the
 * carrier's frame sizes (`subject.audio`, Twilio's 160 bytes by default), marks, clear, DTMF and the end.
 */
export async function runPhoneLeg(
  subject: PhoneLegSubject,
  options: { fast?: boolean; stepMs?: number; only?: readonly string[]; onProgress?(scenario: string, step: string): void } = {},
): Promise<DialectReport> {
  const fast = options.fast === true;
  const wire = subject.audio ?? TWILIO_LIKE_AUDIO;
  const RATE = wire.sampleRate;
  const opensWithConnected = subject.opensWithConnected ?? true;
  const clearEchoesMarks = subject.clearEchoesMarks ?? true;
  const endsByClosing = subject.endsByClosing ?? false;
  const stepMs = options.stepMs ?? 5000;
  const progress = (scenario: string, step: string) => options.onProgress?.(scenario, step);
  const results: ScenarioResult[] = [];
  const capabilities = subject.dialect().capabilities;
  const add = (id: string, status: ScenarioResult["status"], detail: string, measured: ScenarioResult["measured"] = {}, summary?: string) => {
    const entry = phoneLegEntry(id);
    const lacking = entry.skipFor?.(capabilities);
    results.push(
      lacking
        ? { id, title: entry.title, status: "skipped", detail: lacking, measured: {} }
        : { id, title: entry.title, status, detail, measured, ...(summary ? { summary } : {}) },
    );
  };
  /** Every catalog scenario, in order: those never reached are skipped; `only` keeps the ones asked for. */
  const report = (): DialectReport => {
    const all = PHONE_LEG_CATALOG.map(
      (entry) =>
        results.find((r) => r.id === entry.id) ?? {
          id: entry.id,
          title: entry.title,
          status: "skipped" as const,
          detail: "no stream (see bootstrap)",
          measured: {},
        },
    );
    return {
      dialect: subject.name,
      target: `built-in ${subject.name} simulator`,
      fast,
      results: all.filter((r) => !options.only || options.only.includes(r.id)),
    };
  };
  const t0 = performance.now();
  const now = () => performance.now() - t0;

  // The application's side: serve the stream, accept() the socket the carrier opens.
  const dialect = subject.dialect();
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((_req, res) => res.writeHead(404).end());
  let resolveSession!: (session: Session) => void;
  const accepted = new Promise<Session>((resolve) => (resolveSession = resolve));
  const events: Timed[] = [];
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? "/", "http://x").pathname !== subject.path) return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = accept(dialect, ws as unknown as WebSocketLike, { input: { sampleRate: RATE } });
      session.on("*", (event) => events.push({ event, atMs: now() }));
      resolveSession(session);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}${subject.path}`;
  const of = <T extends InboundEvent["type"]>(type: T) =>
    events.filter((e) => e.event.type === type) as { event: Extract<InboundEvent, { type: T }>; atMs: number }[];
  const waitFor = async (match: (e: Timed) => boolean, timeoutMs: number): Promise<Timed | undefined> => {
    const deadline = now() + timeoutMs;
    while (now() < deadline) {
      const hit = events.find(match);
      if (hit) return hit;
      await sleep(5);
    }
    return events.find(match);
  };

  let call: CarrierCall | undefined;
  let session: Session | undefined;
  try {
    progress("bootstrap", "the carrier dials");
    const caller = joinSamples([silence(RATE, 0.1), sine(RATE, 0.6, CALLER_TONE_HZ), silence(RATE, 0.3)]);
    call = subject.dial({
      url,
      audio: caller,
      dtmf: [{ digit: DTMF_DIGIT, atMs: 500 }],
      fast,
      stop: "manual",
      keepAudio: true,
      playback: fast ? "instant" : "realtime",
    });
    await Promise.race([call.opened, sleep(stepMs)]);
    session = await Promise.race([accepted, sleep(stepMs).then(() => undefined)]);
    const started = session ? await waitFor((e) => e.event.type === "session-started", stepMs) : undefined;
    if (!session || !started || started.event.type !== "session-started") {
      add(
        "bootstrap",
        "failed",
        session ? `no start within ${stepMs} ms of the carrier connecting` : `the carrier never connected within ${stepMs} ms`,
      );
      return report();
    }
    const accepted0 = of("session-accepted")[0];
    const ids = Object.keys(started.event.ids).join(", ");
    const openedRight = opensWithConnected ? accepted0 !== undefined : true;
    const opening = accepted0 ? "connected, then " : opensWithConnected ? "no connected before " : "";
    add(
      "bootstrap",
      openedRight ? "passed" : "failed",
      `${opening}start (ids: ${ids}) ${ms(started.atMs)} ms after dialing`,
      { startedMs: ms(started.atMs) },
      `start +${ms(started.atMs)} ms (${ids})`,
    );
    add("bad-credential", "skipped", "the carrier dials the application: the stream carries no credential (the webhook is signed instead)");

    // Caller → application.
    progress("audio", "hearing the caller");
    await waitFor(() => of("audio-chunk").reduce((n, c) => n + c.event.audio.length, 0) >= caller.length, fast ? stepMs : 3000);
    const heard = of("audio-chunk");
    const heardHz = measureTone(joinSamples(heard.map((c) => c.event.audio)), RATE);
    const pacing = fast
      ? undefined
      : measurePacing(heard.map((c): TimedFrame => ({ samples: c.event.audio.length, sampleRate: c.event.sampleRate, atMs: c.atMs })));

    // Application → caller: a paced tone, then a mark the carrier echoes once it has played.
    progress("audio", "talking to the caller");
    const agent = sine(RATE, 0.8, AGENT_TONE_HZ);
    const frame = RATE / 50;
    const inFrame = Math.round((RATE * (wire.inFrameMs ?? 20)) / 1000);
    const talkFrom = now();
    for (let i = 0, n = 0; i < agent.length; i += frame, n++) {
      if (!fast) await sleep(talkFrom + n * 20 - now()); // a paced source, as the bridge sends: no bursts
      session.sendAudio(agent.subarray(i, i + frame));
    }
    const markedAt = now();
    session.mark("voxwire-1");
    const played = await waitFor((e) => e.event.type === "mark-played" && e.event.name === "voxwire-1", fast ? stepMs : 3000);
    const record = call.record;
    const outHz = measureTone(call.receivedAudio(), RATE);
    const problems: string[] = [];
    const notes: string[] = [];
    const measured: Record<string, number | string> = {};
    if (heardHz === undefined) problems.push("the application heard no caller audio");
    else {
      measured.callerToneHz = round(heardHz);
      const text = `the caller's ${CALLER_TONE_HZ} Hz tone reached the application as ${round(heardHz)} Hz`;
      (Math.abs(heardHz / CALLER_TONE_HZ - 1) > TOLERANCE ? problems : notes).push(text);
    }
    measured.inFrames = describeSizes(
      heard.map((c) => c.event.audio.length),
      RATE,
    );
    if (heard.some((c) => c.event.audio.length !== inFrame)) problems.push(`caller frames are not all ${inFrame} samples: ${measured.inFrames}`);
    if (pacing) {
      measured.pacingRealTime = round(pacing.realTime, 2);
      measured.jitterMs = ms(pacing.jitterMs);
      notes.push(`caller media at ${pacing.realTime.toFixed(2)}× real time, jitter ${measured.jitterMs} ms`);
    }
    const sizes = Object.keys(record.received.frameBytes).map(Number);
    measured.outFrames = Object.entries(record.received.frameBytes)
      .map(([bytes, count]) => `${bytes} bytes ×${count}`)
      .join(", ");
    if (sizes.length === 0) problems.push("the caller got no audio back");
    else {
      const { multipleOf, min = multipleOf, max = Number.POSITIVE_INFINITY } = wire.outBytes;
      const wrong = sizes.filter((n) => n % multipleOf !== 0 || n < min || n > max);
      const rule = min === max ? `${min} bytes` : `multiples of ${multipleOf} bytes from ${min}${Number.isFinite(max) ? ` to ${max}` : ""}`;
      if (wrong.length > 0) problems.push(`media sent to the carrier is not all ${rule}: ${measured.outFrames}`);
    }
    if (record.received.dropped.length > 0)
      problems.push(`the carrier dropped ${record.received.dropped.length} message(s): ${record.received.dropped[0]!.reason}`);
    if (outHz !== undefined) {
      measured.agentToneHz = round(outHz);
      const text = `the application's ${AGENT_TONE_HZ} Hz tone reached the caller as ${round(outHz)} Hz`;
      (Math.abs(outHz / AGENT_TONE_HZ - 1) > TOLERANCE ? problems : notes).push(text);
    }
    const summary = `frames in ${inFrame} samples, out ${sizes.join("/") || "?"} bytes · tones ${CALLER_TONE_HZ}→${measured.callerToneHz ?? "?"} Hz in, ${AGENT_TONE_HZ}→${measured.agentToneHz ?? "?"} Hz out`;
    add("audio", problems.length ? "failed" : "passed", [...problems, ...notes].join("; "), measured, summary);

    if (played) {
      const roundTrip = ms(played.atMs - markedAt);
      add("marks", "passed", `voxwire-1 echoed ${roundTrip} ms after it was sent`, { markEchoMs: roundTrip }, `echoed after ${roundTrip} ms`);
    } else add("marks", "failed", "the mark sent after the audio never came back");

    // Clear: audio queued at the carrier is dropped, and the mark behind it comes back at once.
    progress("clear", "clearing the carrier's queue");
    for (let i = 0; i < RATE * 0.6; i += frame) session.sendAudio(sine(RATE, 0.02, AGENT_TONE_HZ));
    session.mark("voxwire-2");
    const clearedAt = now();
    session.clearPlayback();
    const echoed = clearEchoesMarks ? await waitFor((e) => e.event.type === "mark-played" && e.event.name === "voxwire-2", stepMs) : undefined;
    if (!clearEchoesMarks) await waitFor(() => call!.record.received.clears.length > 0, stepMs);
    const clears = call.record.received.clears;
    if (!clearEchoesMarks) {
      // A mark whose audio played before the clear arrived still comes back; a cleared one never does.
      const played = of("mark-played").some((e) => e.event.name === "voxwire-2");
      if (clears.length === 0) add("clear", "failed", "the carrier saw no clear");
      else
        add(
          "clear",
          "passed",
          `clear reached the carrier (${Math.round(clears[0]!.droppedMs)} ms of audio dropped); the mark behind it ${played ? "had played before the clear" : "is gone, as the carrier documents"}`,
          { droppedMs: Math.round(clears[0]!.droppedMs) },
          "cleared",
        );
    } else if (!echoed || clears.length === 0)
      add("clear", "failed", clears.length === 0 ? "the carrier saw no clear" : "the mark behind the cleared audio never came back");
    else {
      const echoMs = ms(echoed.atMs - clearedAt);
      add(
        "clear",
        "passed",
        `clear reached the carrier (${Math.round(clears[0]!.droppedMs)} ms of audio dropped) and the pending mark came back ${echoMs} ms later`,
        { clearEchoMs: echoMs, droppedMs: Math.round(clears[0]!.droppedMs) },
        `mark back ${echoMs} ms after the clear`,
      );
    }

    const digit = of("dtmf-received")[0];
    if (digit?.event.digit === DTMF_DIGIT) add("dtmf", "passed", `"${DTMF_DIGIT}" pressed by the caller arrived`, {}, `in "${DTMF_DIGIT}" arrived`);
    else add("dtmf", "failed", `"${DTMF_DIGIT}" pressed by the caller did not arrive`);

    // The carrier hangs up: stop, then the session ends.
    progress("close", "the caller hangs up");
    const stopAt = now();
    await Promise.race([call.stop(), sleep(stepMs)]);
    const ended = await waitFor((e) => e.event.type === "session-ended", stepMs);
    if (ended?.event.type === "session-ended" && (endsByClosing || of("session-ending").length > 0)) {
      add(
        "close",
        "passed",
        `${endsByClosing ? "the carrier closed → session-ended" : "stop → session-ending, session-ended"} (${ended.event.reason}) in ${ms(ended.atMs - stopAt)} ms`,
        { closeMs: ms(ended.atMs - stopAt) },
        `ended (${ended.event.reason}) in ${ms(ended.atMs - stopAt)} ms`,
      );
    } else add("close", "failed", "stop did not end the session");
    return report();
  } finally {
    call?.terminate();
    await session?.close().catch(() => {});
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
