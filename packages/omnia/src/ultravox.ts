import { ConfigError, type DialectV2 } from "@voxwire/core";
import { type OmniaCreateOptions, omnia } from "./omnia.js";
import { ULTRAVOX_PRESET } from "./wire.js";

/** Create an Ultravox agent call with the secret key, then dial it (servers only). */
export type UltravoxCreateOptions = Omit<OmniaCreateOptions, "preset">;

/** Dial a call a server already created, by the `joinUrl` it returned. */
export interface UltravoxJoinOptions {
  /** The call's `joinUrl`: a bearer capability, never logged. */
  joinUrl: string;
  inputSampleRate: number;
  outputSampleRate?: number;
}

export type UltravoxOptions = UltravoxCreateOptions | UltravoxJoinOptions;

/**
 * The call-create adapter preset for Ultravox `serverWebSocket`: `POST https://api.ultravox.ai/api/agents/{agentId}/calls`
 * with `X-API-Key` and `{ medium: { serverWebSocket: { inputSampleRate, outputSampleRate, clientBufferSizeMs? } } }`,
 * answered 201 with `{ joinUrl, … }`. The socket is the same wire plus Ultravox's client tools
 * (`client_tool_invocation` → `tool-call`, `tool-result` → `client_tool_result`), typed text
 * (`user_text_message`) and `hang_up` on close; `pong` and newer messages pass through, and its
 * transcripts' `medium`/`ordinal` stay in `raw`.
 * Use `createPath: "/api/calls"` with `extraBody` (systemPrompt, voice, …) for a call without a saved agent.
 */
export function ultravox(options: UltravoxOptions): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("ultravox() needs an options object", { dialect: "ultravox" });
  if ("joinUrl" in options) {
    const { joinUrl, ...rates } = options;
    return omnia({ ...rates, websocketUrl: joinUrl, preset: ULTRAVOX_PRESET });
  }
  return omnia({ ...options, preset: ULTRAVOX_PRESET });
}
