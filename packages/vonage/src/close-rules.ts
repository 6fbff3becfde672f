import type { ErrorFactory } from "@voxwire/core";

/*
 * Vonage dials us and documents no close codes for the socket: it closes it when the call (or
 * the connect action) ends, which core's defaults map to `session-ended`. A documented code goes here.
 */
export const VONAGE_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {};
