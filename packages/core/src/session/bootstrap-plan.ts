import type { ConnectPlan, DialectEnv, Preparation } from "../dialect/current.js";
import { ConfigError } from "../errors/error-classes.js";
import type { SecretSet } from "../secrets/redact.js";
import { runBootstrap } from "./bootstrap-runner.js";
import { guardDialectCall } from "./guard-dialect-call.js";
import { checkSocketUrl } from "./socket-url-policy.js";
import type { ConnectOptions } from "./types.js";

const DEFAULT_BOOTSTRAP_MS = 10_000;

/**
 * A bootstrap dialect's plan: its HTTP call, the dialect's parse of the answer, and the check of
 * the socket URL the answer named. `connect()` imports this module only when a dialect asks for a
 * bootstrap, so a page whose dialect never does (Omni) does not download the HTTP client, its
 * redirect guard and the socket-URL policy (docs/bundle-size.md).
 */
export async function bootstrapPlan(
  preparation: Extract<Preparation, { kind: "bootstrap" }>,
  options: ConnectOptions,
  env: DialectEnv,
  secrets: SecretSet,
  name: string,
): Promise<ConnectPlan> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw new ConfigError("no fetch available for the bootstrap call: pass `fetch`", { dialect: name });
  const response = await runBootstrap(preparation.request, {
    fetch: fetchImpl,
    signal: options.signal,
    timeoutMs: options.timeouts?.bootstrapMs ?? DEFAULT_BOOTSTRAP_MS,
    secrets,
    dialect: name,
    ...(options.maxBootstrapBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBootstrapBodyBytes }),
  });
  const plan = guardDialectCall(() => preparation.parse(response, env), { secrets, dialect: name, step: "bootstrap response" });
  // Before anything is dialed: the URL came from the peer, and the plan's token goes to it.
  secrets.add(...plan.secrets);
  checkSocketUrl(preparation.request.url, plan.url, options, secrets, name, preparation.socketHosts);
  return plan;
}
