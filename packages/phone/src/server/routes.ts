import { ConfigError, type Dialect } from "@voxwire/core";
import type { CarrierLeg, CarrierRoute } from "../carrier.js";

/** A carrier leg at its paths. */
export interface Route {
  readonly leg: CarrierLeg;
  readonly answerPath: string | undefined;
  readonly mediaPath: string;
  readonly dialect: Dialect;
}

/** Every leg at its paths, each path served once. */
export function resolveRoutes(carriers: readonly (CarrierLeg | CarrierRoute)[]): Route[] {
  if (!Array.isArray(carriers) || carriers.length === 0) throw new ConfigError("createPhoneBridge needs { carriers }: at least one carrier leg");
  const seen = new Set<string>();
  const claim = (path: string, name: string) => {
    if (!path.startsWith("/")) throw new ConfigError(`${name}: a path must start with "/", got ${JSON.stringify(path)}`);
    if (seen.has(path)) throw new ConfigError(`${name}: the path ${path} is served twice`);
    seen.add(path);
  };
  return carriers.map((entry: CarrierLeg | CarrierRoute) => {
    const route: CarrierRoute = "leg" in entry ? entry : { leg: entry };
    const { leg } = route;
    const mediaPath = route.mediaPath ?? `/${leg.name}/media`;
    const answerPath = leg.answer ? (route.answerPath ?? `/${leg.name}/answer`) : undefined;
    claim(mediaPath, leg.name);
    if (answerPath !== undefined) claim(answerPath, leg.name);
    return { leg, mediaPath, answerPath, dialect: leg.dialect(mediaPath) };
  });
}
