import type { ErrorFactory } from "@voxwire/core";

/*
 * Exotel dials us and documents no close codes for the stream: a `stop`, then its close, ends
 * it; core's defaults map any close. A documented code goes here.
 */
export const EXOTEL_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {};
