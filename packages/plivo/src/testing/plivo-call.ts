import { randomUUID } from "node:crypto";
import { type SimulatedCallOptions, type SimulatedCarrierCall, simulateCarrierCall } from "@voxwire/phone/testing";
import { type PlivoOptions, plivo } from "../plivo.js";
import type { PlivoStreamIds } from "../wire.js";

export interface PlivoCallOptions extends SimulatedCallOptions, Pick<PlivoOptions, "contentType" | "sampleRate"> {
  /** The stream's `extraHeaders` (arrive as `extra_headers`). */
  customParameters?: Readonly<Record<string, string>>;
  ids?: Partial<PlivoStreamIds>;
  headers?: Readonly<Record<string, string>>;
}

/**
 * Acts as Plivo for one call: dials the stream URL, sends `start` (no `connected`), streams caller
 * audio in 20 ms `media` messages at real time (numeric sequence numbers and chunks), presses keys,
 * plays back `playAudio` at real time, answers each `checkpoint` with `playedStream` once its audio
 * has played, answers `clearAudio` with `clearedAudio` (the cleared checkpoints never come back),
 * and hangs up by closing the socket (Plivo sends no `stop`).
 */
export function simulatePlivoCall(options: PlivoCallOptions): SimulatedCarrierCall & { readonly ids: PlivoStreamIds } {
  const dialect = plivo({
    ...(options.contentType ? { contentType: options.contentType } : {}),
    ...(options.sampleRate ? { sampleRate: options.sampleRate } : {}),
  });
  const preparation = dialect.prepare({ runtime: "node", now: Date.now() });
  if (preparation.kind !== "plan") throw new Error("plivo() always has a plan");
  const plan = preparation.plan;
  const format = plan.audio.inbound;
  const contentType = format.encoding === "mulaw" ? "audio/x-mulaw" : "audio/x-l16";
  const ids: PlivoStreamIds = {
    streamId: options.ids?.streamId ?? randomUUID(),
    callId: options.ids?.callId ?? randomUUID(),
    accountId: options.ids?.accountId ?? `MA${randomUUID().replaceAll("-", "").slice(0, 18).toUpperCase()}`,
  };
  const call = simulateCarrierCall(
    {
      carrier: "plivo",
      peer: dialect.createPeerCodec!(plan),
      sampleRate: format.sampleRate,
      bytesPerSample: contentType === "audio/x-l16" ? 2 : 1,
      ids: { ...ids },
      opening: [
        {
          type: "session-started",
          ids: { ...ids },
          metadata: {
            tracks: ["inbound"],
            customParameters: { ...options.customParameters },
            mediaFormat: { encoding: contentType, sampleRate: format.sampleRate },
            epochMs: Date.now(),
          },
        },
      ],
      goodbye: [],
      clearEchoesMarks: false,
      afterClear: [{ type: "passthrough", name: "clearedAudio", payload: { event: "clearedAudio", streamId: ids.streamId } }],
      ...(options.headers ? { headers: options.headers } : {}),
    },
    options,
  );
  return Object.assign(call, { ids });
}
