import type { VendorFront } from "@voxwire/conformance";
import { joinSamples } from "@voxwire/conformance";
import type { PeerCodec } from "@voxwire/core";

/**
 * Wraps a simulator's vendor front so the audio each session receives is kept, not only counted:
 * the test needs the samples to measure the tone's frequency. Uses the front's own extension
 * point (wrapping `connection.codec`); the simulator itself is unchanged.
 */
export function recordingFront(inner: VendorFront): { front: VendorFront; audio(sessionId: string): Int16Array } {
  const received = new Map<string, Int16Array[]>();
  const front: VendorFront = {
    ...inner,
    dialect: inner.dialect,
    upgrade(req, ctx) {
      const decision = inner.upgrade(req, ctx);
      if (decision.type !== "accept") return decision;
      const chunks: Int16Array[] = [];
      received.set(ctx.sessionId, chunks);
      const codec: PeerCodec = decision.connection.codec;
      const tapped: PeerCodec = {
        encode: (event) => codec.encode(event),
        decode(frame) {
          const commands = codec.decode(frame);
          for (const command of commands) if (command.type === "audio-append") chunks.push(command.audio.slice());
          return commands;
        },
      };
      return { ...decision, connection: { ...decision.connection, codec: tapped } };
    },
  };
  return {
    front,
    audio(sessionId) {
      return joinSamples(received.get(sessionId) ?? []);
    },
  };
}
