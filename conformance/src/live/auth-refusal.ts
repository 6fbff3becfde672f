/**
 * How a vendor refuses a wrong key, as its documents say (or, where they are silent, as
 * voxwire's simulator does, saying so in `source`). The `bad-credential` scenario expects it,
 * and a refused `bootstrap` is compared with it.
 */
export type AuthRefusal =
  /** The socket opens, then closes with `code`; the client reports `errorCode`. */
  | { readonly kind: "close"; readonly code: number; readonly errorCode: string; readonly source: string }
  /** The bootstrap HTTP call is answered with one of `statuses`. */
  | { readonly kind: "bootstrap"; readonly statuses: readonly number[]; readonly source: string };

/** What a refusal looked like on the wire. */
export type ObservedRefusal =
  | { readonly kind: "close"; readonly code: number | undefined; readonly errorCode: string | undefined }
  | { readonly kind: "bootstrap"; readonly status: number; readonly errorCode: string }
  | { readonly kind: "upgrade"; readonly status: number | undefined; readonly errorCode: string }
  | { readonly kind: "other"; readonly errorCode: string };

export function describeRefusal(refusal: AuthRefusal): string {
  return refusal.kind === "close" ? `close ${refusal.code} (${refusal.errorCode})` : `HTTP ${refusal.statuses.join("/")} at the bootstrap call`;
}

export function describeObserved(observed: ObservedRefusal): string {
  switch (observed.kind) {
    case "close":
      return `close ${observed.code ?? "?"}${observed.errorCode ? ` (${observed.errorCode})` : ""}`;
    case "bootstrap":
      return `HTTP ${observed.status} at the bootstrap call (${observed.errorCode})`;
    case "upgrade":
      return `HTTP ${observed.status ?? "?"} at the upgrade (${observed.errorCode})`;
    default:
      return observed.errorCode;
  }
}

/** True when what happened is the documented refusal. */
export function matchesRefusal(expected: AuthRefusal, observed: ObservedRefusal): boolean {
  if (expected.kind === "close") return observed.kind === "close" && observed.code === expected.code && observed.errorCode === expected.errorCode;
  return observed.kind === "bootstrap" && expected.statuses.includes(observed.status);
}
