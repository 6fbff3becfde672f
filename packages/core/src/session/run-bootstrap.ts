import type { HttpRequestSpec, HttpResponseData } from "../dialect/current.js";
import type { BootstrapContext } from "./bootstrap-runner.js";

export type { BootstrapContext } from "./bootstrap-runner.js";

/**
 * Performs a dialect's bootstrap request. Non-success statuses become a `BootstrapError` with
 * the status and the redacted body; transport failures a `NetworkError` (with the fetch error,
 * redacted, as cause); the deadline a `TimeoutError`; the caller's signal an `AbortedError`; a
 * body over `maxBodyBytes` a fatal `ProtocolError`. A request that carries a credential never
 * follows a redirect to another origin (`BootstrapError`, vendorCode `cross_origin_redirect`);
 * same-origin redirects are followed up to 3 hops, the origin checked at each. The body is read
 * under the same deadline. No secret reaches any message.
 *
 * The HTTP client, its redirect guard and its body reader load on the first call (a chunk of
 * their own in a bundle that splits), so a page that never bootstraps does not download them.
 */
export async function runBootstrap(request: HttpRequestSpec, context: BootstrapContext): Promise<HttpResponseData> {
  const { runBootstrap: run } = await import("./bootstrap-runner.js");
  return run(request, context);
}
