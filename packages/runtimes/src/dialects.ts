import type { Dialect } from "@voxwire/core";
import { deepgram } from "@voxwire/deepgram";
import { elevenlabs } from "@voxwire/elevenlabs";
import { gemini } from "@voxwire/gemini";
import { omni } from "@voxwire/omni";
import { omnia, ultravox } from "@voxwire/omnia";
import { openai } from "@voxwire/openai";
import { orbitali } from "@voxwire/orbitali";
import { tokenFirst } from "@voxwire/token-first";

/** Where a drill dials: a simulator's base URL, a key it accepts, and the agent its front knows. */
export interface DrillTarget {
  url: string;
  key: string;
  agentId?: string;
}

/**
 * Every client dialect of the CLI's registry (packages/cli/src/registry.ts; a cli test keeps the
 * two lists equal), built as its conformance subject builds it against a simulator. Only the
 * public factories: these run inside Bun, Deno and workerd, where the `./testing` fronts (Node
 * servers) cannot go. The wire rate is each dialect's highest, so audio is resampled both ways.
 */
export const DRILL_DIALECTS: Readonly<Record<string, (target: DrillTarget) => Dialect>> = {
  omni: ({ url, key, agentId }) => omni({ agentId: agentId ?? "agent_123", apiKey: key, rate: 24000, baseUrl: url }),
  omnia: ({ url, key, agentId }) => omnia({ apiKey: key, agentId: agentId ?? "", inputSampleRate: 16000, outputSampleRate: 24000, baseUrl: url }),
  "token-first": ({ url, key }) => tokenFirst({ apiUrl: url, apiKey: key }),
  orbitali: ({ url, key, agentId }) => orbitali({ apiKey: key, agentId: agentId ?? "", baseUrl: url }),
  openai: ({ url, key }) => openai({ apiKey: key, model: "gpt-realtime", baseUrl: url, audio: "pcm16" }),
  ultravox: ({ url, key, agentId }) =>
    ultravox({ apiKey: key, agentId: agentId ?? "", inputSampleRate: 16000, outputSampleRate: 24000, baseUrl: url }),
  // Gemini's rates are fixed (16 kHz in, 24 kHz out); ElevenLabs and Deepgram at their simulators' defaults.
  gemini: ({ url, key }) => gemini({ apiKey: key, model: "gemini-live-2.5-flash-preview", baseUrl: url }),
  elevenlabs: ({ url, key, agentId }) => elevenlabs({ agentId: agentId ?? "agent_voxwire_sample", apiKey: key, baseUrl: url }),
  deepgram: ({ url, key }) => deepgram({ apiKey: key, baseUrl: url }),
};
