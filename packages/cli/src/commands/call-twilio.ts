import type { DtmfPress } from "@voxwire/conformance";
import { twilioSignature } from "@voxwire/twilio";
import { loadCallerWav, parseDtmfPress, simulateTwilioCall, type TwilioCallRecord } from "@voxwire/twilio/testing";
import { type CliIo, EXIT, UsageError } from "../command.js";
import { parseOptions, usageErrorFrom } from "../command-line.js";

export const TWILIO_SIMULATE_USAGE = `usage: voxwire call twilio --url ws://HOST:PORT/media [options]   (also: voxwire simulate twilio …)

Acts as Twilio for one call: dials the stream URL, sends connected and start, streams the caller
audio at real time as 20 ms μ-law media, presses keys, plays back what it gets at real time
(echoing marks, honouring clear), then sends stop. Progress on stderr; the summary on stdout.

options:
  --url URL            the bridge's media WebSocket (required)
  --audio FILE.wav     caller audio: mono PCM16 WAV at any rate (converted to 8 kHz μ-law)
  --speak-after-ms N   silence before the audio (let the agent's greeting play; default 0)
  --dtmf D@T           press D at time T after start (2s, 1500ms, 2.5), repeatable
  --tail-ms N          silence after the audio before stop (default 1000)
  --param NAME=VALUE   a start.customParameters entry, repeatable
  --auth-token T       sign the upgrade with X-Twilio-Signature, as Twilio does
  --fast               no real-time pacing (send everything at once, play back instantly)
  --json               print the whole call record as one JSON document on stdout
  --quiet              no progress lines
`;

/** `voxwire simulate twilio …`: one simulated call; exit 0 when it ran and ended with `stop`. */
export async function runTwilioSimulation(argv: string[], io: CliIo): Promise<number> {
  const values = parseOptions(argv, {
    url: { type: "string" },
    audio: { type: "string" },
    dtmf: { type: "string", multiple: true },
    "tail-ms": { type: "string" },
    "speak-after-ms": { type: "string" },
    param: { type: "string", multiple: true },
    "auth-token": { type: "string" },
    fast: { type: "boolean" },
    json: { type: "boolean" },
    quiet: { type: "boolean" },
  });
  if (!values.url) throw new UsageError("--url is required");
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    throw new UsageError(`--url "${values.url}" is not a URL`);
  }
  if (url.protocol !== "ws:" && url.protocol !== "wss:") throw new UsageError("--url must be ws:// or wss://");
  let dtmf: DtmfPress[];
  try {
    dtmf = (values.dtmf ?? []).map(parseDtmfPress);
  } catch (error) {
    throw usageErrorFrom(error);
  }
  const customParameters: Record<string, string> = {};
  for (const pair of values.param ?? []) {
    const at = pair.indexOf("=");
    if (at < 1) throw new UsageError(`--param "${pair}" is not NAME=VALUE`);
    customParameters[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const tailMs = values["tail-ms"] === undefined ? undefined : Number(values["tail-ms"]);
  if (tailMs !== undefined && !(Number.isInteger(tailMs) && tailMs >= 0)) throw new UsageError("--tail-ms takes a whole number of ms");
  const speakAfterMs = values["speak-after-ms"] === undefined ? 0 : Number(values["speak-after-ms"]);
  if (!(Number.isInteger(speakAfterMs) && speakAfterMs >= 0)) throw new UsageError("--speak-after-ms takes a whole number of ms");
  const audio = values.audio ? withLeadIn(loadCallerWav(values.audio), speakAfterMs) : undefined;
  const progress = (line: string) => {
    if (!values.quiet) io.stderr.write(`${line}\n`);
  };

  const call = simulateTwilioCall({
    url: values.url,
    ...(audio ? { audio } : {}),
    dtmf,
    customParameters,
    fast: values.fast ?? false,
    ...(tailMs !== undefined ? { tailMs } : {}),
    ...(values["auth-token"] ? { headers: { "x-twilio-signature": twilioSignature(values["auth-token"], values.url) } } : {}),
  });
  const onAbort = () => void call.stop();
  io.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    await call.opened;
  } catch (error) {
    io.stderr.write(`voxwire simulate twilio: could not open ${values.url}: ${(error as Error).message}\n`);
    return EXIT.failed;
  } finally {
    io.signal?.removeEventListener("abort", onAbort);
  }
  progress(`call ${call.ids.callSid} streaming${audio ? ` ${(audio.length / 8000).toFixed(2)} s of audio` : ""}`);
  io.signal?.addEventListener("abort", onAbort, { once: true });
  const record = await call.done;
  io.signal?.removeEventListener("abort", onAbort);
  if (values.json) io.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
  else io.stdout.write(`${summary(record)}\n`);
  return record.sent.stopAtMs !== undefined ? EXIT.ok : EXIT.failed;
}

/** `ms` of silence, then the audio (8 kHz). */
function withLeadIn(audio: Int16Array, ms: number): Int16Array {
  if (ms === 0) return audio;
  const out = new Int16Array(ms * 8 + audio.length);
  out.set(audio, ms * 8);
  return out;
}

function summary(record: TwilioCallRecord): string {
  const r = record.received;
  const heard = r.marks.filter((m) => m.echoedAtMs !== undefined && !m.cleared).length;
  const sizes = Object.entries(r.frameBytes)
    .map(([bytes, n]) => `${n}×${bytes} B`)
    .join(", ");
  return [
    `call ${record.ids.callSid}: sent ${(record.sent.audioMs / 1000).toFixed(2)} s of caller audio, ${record.sent.dtmf.length} DTMF`,
    `received ${(r.audioMs / 1000).toFixed(2)} s of audio in ${r.mediaFrames} media messages${sizes ? ` (${sizes})` : ""}` +
      (r.firstMediaAtMs !== undefined ? `, first after ${Math.round(r.firstMediaAtMs)} ms` : ""),
    `played ${(record.playback.playedMs / 1000).toFixed(2)} s, dropped by clear ${(record.playback.droppedMs / 1000).toFixed(2)} s, ` +
      `max queued ${Math.round(record.playback.maxQueuedMs)} ms`,
    `marks ${r.marks.length} (${heard} played, ${r.marks.length - heard} cleared or pending), clears ${r.clears.length}, dropped messages ${r.dropped.length}`,
    `closed ${record.close?.code ?? "?"} by ${record.close?.by ?? "?"}`,
  ].join("\n");
}
