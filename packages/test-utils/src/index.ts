// @voxwire/test-utils: the workspace's private test helpers, imported by package name (never by
// a relative path into another package). Not published.
export * from "./bad-servers.js";
export { type BundleEntry, type BundleOptions, bundlePage, bundleScript } from "./bundle-page.js";
export { type CapturedIo, captureIo } from "./capture-io.js";
export * from "./caught-errors.js";
export { CHROMIUM_PATH, ensureChromium, launchChromium } from "./chromium.js";
export { codecEnv } from "./codec-env.js";
export * from "./connect-collecting.js";
export { FakeAgent } from "./fake-agent.js";
export { FakeSocket, fakeSocketClass } from "./fake-socket.js";
export { ensureFirefox, FIREFOX_PATH, launchFirefox } from "./firefox.js";
export * from "./frames20ms.js";
export * from "./js-runtimes.js";
export * from "./node-runtimes.js";
export { installOfficialClient, npmEnv, type OfficialClient } from "./official-client.js";
export { eventually, pollUntil } from "./poll-until.js";
export { parsePrometheusText } from "./prometheus-text.js";
export { rawOmniClient } from "./raw-omni-client.js";
export * from "./raw-socket.js";
export * from "./recording-logger.js";
export * from "./runtime-matrix.js";
export * from "./synthetic-clips.js";
export * from "./test-browser.js";
export * from "./vendor-guides.js";
