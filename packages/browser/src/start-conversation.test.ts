import type { InboundEventOf } from "@voxwire/core";
import { omni } from "@voxwire/omni";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startConversation } from "./start-conversation.js";

// The browser paths run in Chromium (test/browser); these are the failures that need no browser.

afterEach(() => vi.unstubAllGlobals());

function errorsOf(conversation: ReturnType<typeof startConversation>): InboundEventOf<"error">[] {
  const errors: InboundEventOf<"error">[] = [];
  conversation.on("error", (e) => errors.push(e));
  return errors;
}

describe("startConversation failures", () => {
  it("never throws: bad options reject `ready` with a ConfigError that is also an error event", async () => {
    const conversation = startConversation(undefined as never);
    const errors = errorsOf(conversation);
    await expect(conversation.ready).rejects.toMatchObject({ code: "invalid_config" });
    await conversation.ended;
    expect(errors).toEqual([expect.objectContaining({ code: "invalid_config", fatal: true })]);
    expect(conversation.state).toBe("stopped");
  });

  it("refuses a permanent secret key in a browser before any AudioContext, microphone or socket", async () => {
    const AudioContext = vi.fn();
    const getUserMedia = vi.fn();
    vi.stubGlobal("AudioContext", AudioContext);
    vi.stubGlobal("navigator", { mediaDevices: { getUserMedia } });
    const key = "pyai_live_NeverInAPage0123";
    const conversation = startConversation({
      dialect: omni({ agentId: "agent_123", apiKey: key, rate: 16000 }),
      sessionOptions: { runtime: "browser" },
    });
    const errors = errorsOf(conversation);
    const error = (await conversation.ready.then(
      () => undefined,
      (e: unknown) => e,
    )) as Error & { code: string; vendorCode: string };
    expect(error).toMatchObject({ code: "invalid_config", vendorCode: "secret_key_in_browser" });
    expect(error.message).not.toContain(key);
    expect(errors).toHaveLength(1);
    expect(AudioContext).not.toHaveBeenCalled();
    expect(getUserMedia).not.toHaveBeenCalled();
    expect(conversation.audioContext).toBeUndefined();
  });

  it("explains a page without Web Audio with AudioUnavailableError", async () => {
    const conversation = startConversation({ dialect: omni({ agentId: "agent_123", apiKey: "pyai_test_k3y", rate: 16000 }) });
    await expect(conversation.ready).rejects.toMatchObject({ code: "audio_unavailable", name: "AudioUnavailableError" });
  });

  it("a dialect function that throws rejects the start the same way, and the context it made is closed", async () => {
    vi.stubGlobal(
      "AudioContext",
      class {
        state = "running";
        sampleRate = 48000;
        audioWorklet = { addModule: async () => {} };
        close = vi.fn(async () => {});
      },
    );
    vi.stubGlobal("navigator", { mediaDevices: { getUserMedia: () => new Promise(() => {}) } });
    const conversation = startConversation({
      dialect: () => {
        throw new Error("backend said no");
      },
    });
    const errors = errorsOf(conversation);
    await expect(conversation.ready).rejects.toMatchObject({ code: "invalid_config", message: expect.stringContaining("backend said no") });
    await conversation.ended;
    expect(errors).toHaveLength(1);
    expect((conversation.audioContext as unknown as { close: ReturnType<typeof vi.fn> }).close).toHaveBeenCalled();
  });
});
