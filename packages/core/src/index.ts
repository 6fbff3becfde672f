export * from "./audio/index.js";
export * from "./credentials/index.js";
export * from "./dialect/v1/index.js";
export * from "./errors/index.js";
export * from "./events/index.js";
export { MIN_SECRET_LENGTH, REDACTED, redact, redactThenCut, redactUrl, SecretSet } from "./secrets/redact.js";
export { urlSecrets } from "./secrets/url-secrets.js";
export * from "./session/index.js";
export { detectRuntime, isBrowserLike } from "./util/runtime.js";
