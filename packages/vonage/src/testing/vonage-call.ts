import { randomUUID } from "node:crypto";
import { type SimulatedCallOptions, type SimulatedCarrierCall, simulateCarrierCall } from "@voxwire/phone/testing";
import { type VonageOptions, vonage } from "../vonage.js";
import { contentType } from "../wire.js";

export interface VonageCallOptions extends SimulatedCallOptions, Pick<VonageOptions, "sampleRate"> {
  /** Headers merged into `websocket:connected`. */
  customParameters?: Readonly<Record<string, string>>;
  ids?: { callId?: string; conversationId?: string };
}

/**
 * Acts as Vonage for one call: dials the socket URL, sends `websocket:connected` (with the call's
 * uuid and the NCCO headers), streams caller audio as BINARY L16 in 20 ms frames at real time,
 * `websocket:dtmf` for keys, plays back what comes at real time, answers each `notify` once the
 * audio before it has played, answers `clear` with `websocket:cleared` (pending notifies are
 * dropped), and hangs up by closing the socket.
 */
export function simulateVonageCall(options: VonageCallOptions): SimulatedCarrierCall & { readonly ids: { callId: string; streamId: string } } {
  const dialect = vonage(options.sampleRate ? { sampleRate: options.sampleRate } : {});
  const preparation = dialect.prepare({ runtime: "node", now: Date.now() });
  if (preparation.kind !== "plan") throw new Error("vonage() always has a plan");
  const plan = preparation.plan;
  const rate = plan.audio.inbound.sampleRate;
  const ids = { callId: options.ids?.callId ?? randomUUID(), streamId: options.ids?.conversationId ?? `CON-${randomUUID()}` };
  const call = simulateCarrierCall(
    {
      carrier: "vonage",
      peer: dialect.createPeerCodec!(plan),
      sampleRate: rate,
      bytesPerSample: 2,
      ids: { ...ids },
      opening: [
        { type: "session-started", ids: { ...ids }, metadata: { customParameters: { ...options.customParameters }, contentType: contentType(rate) } },
      ],
      goodbye: [],
      clearEchoesMarks: false,
      afterClear: [{ type: "passthrough", name: "websocket:cleared", payload: { event: "websocket:cleared" } }],
    },
    options,
  );
  return Object.assign(call, { ids });
}
