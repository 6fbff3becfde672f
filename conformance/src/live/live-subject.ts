import type { Dialect } from "@voxwire/core";
import type { ClientTarget } from "../client-target.js";
import type { FrontOptionSpec, FrontOptions } from "../simulator/front-options.js";
import type { VendorFront } from "../simulator/vendor-front.js";
import type { AuthRefusal } from "./auth-refusal.js";
import type { CarrierCall, CarrierCallOptions } from "./carrier-call.js";

/**
 * A client dialect as the shared suite, the scenario runner and the CLI need it: how to build its
 * client for a target, its simulator's front (for runs without `--url`), and how it documents a
 * refused key. Each dialect package exports one from its `./testing` entry.
 */
export interface ConformanceSubject {
  readonly name: string;
  /** One line for `voxwire --help`. */
  readonly summary?: string;
  client(target: ClientTarget): Dialect;
  /** A fresh vendor front for a simulator of this dialect; `options` were checked against `frontOptions`. */
  front?(options?: FrontOptions): VendorFront;
  /** What the front accepts from `voxwire simulate --front-option name=value`. */
  readonly frontOptions?: Readonly<Record<string, FrontOptionSpec>>;
  /** How the vendor refuses a wrong key (the `bad-credential` scenario expects exactly this). */
  readonly authRefusal?: AuthRefusal;
  /**
   * Wire messages the vendor documents that the dialect passes through by design (spec v1 has no
   * event for them): `probe` does not report them as messages the dialect does not know.
   */
  readonly documentedMessages?: readonly string[];
  /**
   * False for a vendor whose session configuration has no tools (they are set in the vendor's
   * console): the session-config scenario then checks the instructions only.
   */
  readonly configCarriesTools?: boolean;
}

/**
 * A dialect its carrier dials (role `server`): how to build it, the path its stream is served on,
 * and the carrier's simulator, which dials that path as the carrier would.
 */
export interface PhoneLegSubject {
  readonly name: string;
  /** One line for `voxwire --help`. */
  readonly summary?: string;
  dialect(): Dialect;
  readonly path: string;
  /** Dials the application's stream as the carrier does, for one simulated call. */
  dial(options: CarrierCallOptions): CarrierCall;
}
