// The test page's script for voxwire's own client in a browser: the two-step flow with
// `@voxwire/orbitali` (the app's route, then `connect(orbitali({ session }))`), the application at
// 48 kHz both ways, and a permanent key refused before any request.
import { connect, type InboundEvent, VoxwireError } from "@voxwire/core";
import { orbitali } from "../../src/index.js";

export interface ConnectPageResult {
  refusal?: { code: string; vendorCode: string | undefined; message: string };
  wire?: unknown;
  callIds: string[];
  chunkRates: number[];
  chunkSamples: number;
  transcripts: { role: string; text: string }[];
  errors: string[];
  dropped?: number;
  ended?: { reason: string; code: number | undefined };
}

const until = (condition: () => boolean) =>
  new Promise<void>((resolve) => {
    const poll = () => (condition() ? resolve() : setTimeout(poll, 10));
    poll();
  });

const result: ConnectPageResult = { callIds: [], chunkRates: [], chunkSamples: 0, transcripts: [], errors: [] };
let close: (() => Promise<ConnectPageResult>) | undefined;

/** Runs until the agent has answered the user's utterance; `finish` then closes the session. */
async function start(agentId: string): Promise<ConnectPageResult> {
  try {
    await connect(orbitali({ apiKey: "orb_live_PageK3y_0123456789", agentId, baseUrl: location.origin }));
  } catch (error) {
    if (VoxwireError.isInstance(error)) result.refusal = { code: error.code, vendorCode: error.vendorCode, message: error.message };
  }

  const session = await (await fetch("/api/voice-token", { method: "POST" })).json();
  // Hold the whole utterance if the socket backs up: this page sends it at once, not in real time.
  const call = await connect(orbitali({ session }), { input: { sampleRate: 48000 }, output: { sampleRate: 48000 }, queue: { maxAudioMs: 10_000 } });
  result.wire = call.audio.wire;
  call.on("*", (event: InboundEvent) => {
    if (event.type === "session-started") result.callIds.push(event.ids.callId ?? "");
    if (event.type === "audio-chunk") {
      if (!result.chunkRates.includes(event.sampleRate)) result.chunkRates.push(event.sampleRate);
      result.chunkSamples += event.audio.length;
    }
    if (event.type === "transcript-end") result.transcripts.push({ role: event.role, text: event.text });
    if (event.type === "error") result.errors.push(`${event.code}: ${event.message}`);
  });
  const speech = new Int16Array(await (await fetch("/speech.pcm")).arrayBuffer());
  for (let i = 0; i < speech.length; i += 960) call.sendAudio(speech.subarray(i, i + 960));
  await until(() => result.transcripts.filter((t) => t.role === "agent").length === 2);
  await until(() => call.stats.queueDepth === 0);
  result.dropped = call.stats.audioFramesDropped;
  close = async () => {
    await call.close();
    const ended = await call.ended;
    result.ended = { reason: ended.reason, code: ended.code };
    return result;
  };
  return result;
}

async function finish(): Promise<ConnectPageResult> {
  if (!close) throw new Error("start() first");
  return close();
}

const page = { start, finish, result: () => result };
export type OrbitaliConnectPage = typeof page;
(window as unknown as { orbitali: OrbitaliConnectPage }).orbitali = page;
