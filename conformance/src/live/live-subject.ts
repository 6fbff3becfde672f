import type { Dialect } from "@voxwire/core";
import type { ClientTarget } from "../client-target.js";
import type { FrontOptions } from "../simulator/front-options.js";
import type { VendorFront } from "../simulator/vendor-front.js";
import type { AuthRefusal } from "./auth-refusal.js";

/**
 * What the live scenarios need of a dialect: how to build its client for a target, its
 * simulator's front (for runs without `--url`), and how it documents a refused key. A registry
 * entry is one; an adapter's own test may pass its own.
 */
export interface ConformanceSubject {
  readonly name: string;
  client(target: ClientTarget): Dialect;
  front?(options?: FrontOptions): VendorFront;
  readonly authRefusal?: AuthRefusal;
}

/** A dialect its carrier dials (role `server`): how to build it, and the path its stream is served on. */
export interface PhoneLegSubject {
  readonly name: string;
  dialect(): Dialect;
  readonly path: string;
}
