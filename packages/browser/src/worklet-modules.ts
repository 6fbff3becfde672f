import { AudioUnavailableError } from "./audio-unavailable-error.js";
import { CAPTURE_WORKLET_SOURCE, PLAYBACK_WORKLET_SOURCE } from "./worklets/worklet-sources.js";

export interface WorkletModuleUrls {
  /** Where to load the capture processor from instead of a Blob URL (a strict CSP: serve `CAPTURE_WORKLET_SOURCE` yourself). */
  capture?: string;
  /** Likewise for the playback processor (`PLAYBACK_WORKLET_SOURCE`). */
  playback?: string;
}

const loaded = new WeakMap<BaseAudioContext, Promise<void>>();

/**
 * Adds the capture and playback processors to a context, once per context. The processors ship
 * inside this package as strings and load from Blob URLs (a `data:` URL where Blob URLs are
 * unavailable), so neither a bundler plugin nor extra files on the server are needed.
 */
export function loadWorkletModules(context: BaseAudioContext, urls: WorkletModuleUrls = {}): Promise<void> {
  let done = loaded.get(context);
  if (done === undefined) {
    done = addModules(context, urls);
    loaded.set(context, done);
    // A failed load may be retried (after the page fixes its CSP, say).
    done.catch(() => loaded.delete(context));
  }
  return done;
}

async function addModules(context: BaseAudioContext, urls: WorkletModuleUrls): Promise<void> {
  const worklet = (context as { audioWorklet?: AudioWorklet }).audioWorklet;
  if (worklet === undefined) {
    throw new AudioUnavailableError(
      "this context has no AudioWorklet: browsers only offer it in a secure context (https://, or http://localhost while developing)",
    );
  }
  await Promise.all([
    addModule(worklet, urls.capture, CAPTURE_WORKLET_SOURCE, "capture"),
    addModule(worklet, urls.playback, PLAYBACK_WORKLET_SOURCE, "playback"),
  ]);
}

async function addModule(worklet: AudioWorklet, url: string | undefined, source: string, which: string): Promise<void> {
  if (url === undefined && source === "") {
    throw new AudioUnavailableError(
      "the worklet modules were not inlined: @voxwire/browser was loaded from its TypeScript sources without its build step (use the published build, or bundle with the define constants from scripts/worklet-bundles.ts)",
    );
  }
  const own = url === undefined ? moduleUrl(source) : { href: url, revoke: () => {} };
  try {
    await worklet.addModule(own.href);
  } catch (cause) {
    throw new AudioUnavailableError(
      `the ${which} worklet module did not load${url === undefined ? " from a blob: URL (a Content-Security-Policy needs blob: in script-src, or pass workletUrls)" : ` from ${url}`}`,
      { cause },
    );
  } finally {
    own.revoke();
  }
}

function moduleUrl(source: string): { href: string; revoke(): void } {
  if (typeof Blob === "function" && typeof URL?.createObjectURL === "function") {
    const href = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    return { href, revoke: () => URL.revokeObjectURL(href) };
  }
  return { href: `data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`, revoke: () => {} };
}
