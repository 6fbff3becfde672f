import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { serveAsteriskMedia } from "@voxwire/asterisk/testing";
import { type CarrierCallOptions, type DtmfPress, joinSamples, parseWavPcm16 } from "@voxwire/conformance";
import { createAudioPipeline } from "@voxwire/core";
import { parseDtmfPress } from "@voxwire/twilio/testing";
import { type CliIo, EXIT, UsageError } from "../command.js";
import { parseOptions, usageErrorFrom } from "../command-line.js";
import { PHONE_LEGS } from "../registry.js";

export const CARRIER_SIMULATE_USAGE = `usage: voxwire simulate <carrier> --url ws://HOST:PORT/<carrier>/media [options]   (also: voxwire call <carrier> …)
       voxwire simulate asterisk --listen PORT [options]

Acts as the carrier for one call: dials the stream URL as the carrier does (its opening messages,
the caller's audio at real time in the carrier's frames and codec, keys), plays back what it gets
at real time (acknowledging marks, honouring clear, asking for flow control where the carrier
does), then hangs up the carrier's way. With asterisk --listen it waits instead, as Asterisk does
for Dial(WebSocket/INCOMING/…): the first stdout line is "listening ws://HOST:PORT/media/<id>"
(give ws://HOST:PORT and the id to asteriskClient / dialAsterisk). Progress on stderr.

options:
  --url URL            the bridge's media WebSocket
  --listen PORT        (asterisk) wait for the application on this port (0: any free one)
  --audio FILE.wav     caller audio: mono PCM16 WAV at any rate (converted to the carrier's)
  --speak-after-ms N   silence before the audio (default 0)
  --dtmf D@T           press D at time T after start (2s, 1500ms, 2.5), repeatable
  --tail-ms N          silence after the audio before hanging up (default 1000)
  --fast               no real-time pacing
  --json               print the whole call record as JSON on stdout
  --quiet              no progress lines
`;

/** `voxwire simulate <carrier> …` for any phone leg but Twilio's (which has its own flags). */
export async function runCarrierSimulation(carrier: string, argv: string[], io: CliIo): Promise<number> {
  const subject = PHONE_LEGS[carrier];
  if (!subject) throw new UsageError(`unknown carrier "${carrier}"; known: ${Object.keys(PHONE_LEGS).join(", ")}`);
  const values = parseOptions(argv, {
    url: { type: "string" },
    listen: { type: "string" },
    audio: { type: "string" },
    dtmf: { type: "string", multiple: true },
    "tail-ms": { type: "string" },
    "speak-after-ms": { type: "string" },
    fast: { type: "boolean" },
    json: { type: "boolean" },
    quiet: { type: "boolean" },
  });
  if (values.listen !== undefined && carrier !== "asterisk") throw new UsageError("--listen is for asterisk (the carrier the application may dial)");
  if ((values.url === undefined) === (values.listen === undefined))
    throw new UsageError("give --url (the carrier dials) or, for asterisk, --listen (it waits)");
  if (values.url !== undefined && !/^wss?:\/\//.test(values.url)) throw new UsageError("--url must be ws:// or wss://");
  let dtmf: DtmfPress[];
  try {
    dtmf = (values.dtmf ?? []).map(parseDtmfPress);
  } catch (error) {
    throw usageErrorFrom(error);
  }
  const rate = subject.audio?.sampleRate ?? 8000;
  const whole = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!(Number.isInteger(n) && n >= 0)) throw new UsageError(`${name} takes a whole number`);
    return n;
  };
  const tailMs = whole("--tail-ms", values["tail-ms"]);
  const speakAfterMs = whole("--speak-after-ms", values["speak-after-ms"]) ?? 0;
  const port = whole("--listen", values.listen);
  const audio = values.audio ? withLeadIn(loadWavAt(values.audio, rate), speakAfterMs, rate) : undefined;
  const progress = (line: string) => {
    if (!values.quiet) io.stderr.write(`${line}\n`);
  };
  const options = { ...(audio ? { audio } : {}), dtmf, fast: values.fast ?? false, ...(tailMs !== undefined ? { tailMs } : {}) };

  let call: { opened: Promise<void>; stop(): Promise<unknown>; record: unknown; done?: Promise<unknown> };
  let close: (() => Promise<void>) | undefined;
  if (port !== undefined) {
    const pbx = await serveAsteriskMedia({ ...options, port });
    close = () => pbx.close();
    io.stdout.write(`listening ${pbx.url}/media/${pbx.connectionId}\n`);
    progress(`waiting for the application: asteriskClient({ url: "${pbx.url}", connectionId: "${pbx.connectionId}" })`);
    call = await pbx.call;
  } else {
    const dialOptions: CarrierCallOptions = { url: values.url!, ...options };
    call = subject.dial(dialOptions) as typeof call;
  }
  const onAbort = () => void call.stop();
  io.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    try {
      await call.opened;
    } catch (error) {
      io.stderr.write(`voxwire simulate ${carrier}: could not open ${values.url}: ${(error as Error).message}\n`);
      return EXIT.failed;
    }
    progress(`${carrier} call streaming${audio ? ` ${(audio.length / rate).toFixed(2)} s of audio` : ""}`);
    const record = (await (call.done ?? call.stop())) as Record<string, unknown>;
    if (values.json) io.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    else io.stdout.write(`${summary(carrier, record)}\n`);
    const sent = record.sent as { stopAtMs?: number } | undefined;
    return sent?.stopAtMs !== undefined ? EXIT.ok : EXIT.failed;
  } finally {
    io.signal?.removeEventListener("abort", onAbort);
    await close?.();
  }
}

/** A mono PCM16 WAV at any rate, at `rate`. */
function loadWavAt(path: string, rate: number): Int16Array {
  const wav = parseWavPcm16(readFileSync(path), basename(path));
  if (wav.sampleRate === rate) return wav.samples;
  const pipeline = createAudioPipeline({ inputRate: wav.sampleRate, outputRate: rate, quality: "high" });
  const parts: Int16Array[] = [];
  const keep = (part: Int16Array) => parts.push(part.slice());
  pipeline.push(wav.samples, keep);
  pipeline.flush(keep);
  return joinSamples(parts);
}

function withLeadIn(audio: Int16Array, ms: number, rate: number): Int16Array {
  if (ms === 0) return audio;
  const out = new Int16Array(Math.round((ms * rate) / 1000) + audio.length);
  out.set(audio, out.length - audio.length);
  return out;
}

function summary(carrier: string, record: Record<string, unknown>): string {
  const r = record.received as {
    audioMs: number;
    mediaFrames: number;
    frameBytes: Record<string, number>;
    marks: { echoedAtMs?: number; cleared?: boolean }[];
    clears: unknown[];
    dropped: unknown[];
  };
  const s = record.sent as { audioMs: number; dtmf: unknown[] };
  const p = record.playback as { playedMs: number; droppedMs: number; maxQueuedMs: number };
  const close = record.close as { code?: number; by?: string } | undefined;
  const heard = r.marks.filter((m) => m.echoedAtMs !== undefined && !m.cleared).length;
  const sizes = Object.entries(r.frameBytes)
    .map(([bytes, n]) => `${n}×${bytes} B`)
    .join(", ");
  return [
    `${carrier} call: sent ${(s.audioMs / 1000).toFixed(2)} s of caller audio, ${s.dtmf.length} DTMF`,
    `received ${(r.audioMs / 1000).toFixed(2)} s of audio in ${r.mediaFrames} media messages${sizes ? ` (${sizes})` : ""}`,
    `played ${(p.playedMs / 1000).toFixed(2)} s, dropped by clear ${(p.droppedMs / 1000).toFixed(2)} s, max queued ${Math.round(p.maxQueuedMs)} ms`,
    `marks ${r.marks.length} (${heard} played), clears ${r.clears.length}, dropped messages ${r.dropped.length}`,
    `closed ${close?.code ?? "?"} by ${close?.by ?? "?"}`,
  ].join("\n");
}
