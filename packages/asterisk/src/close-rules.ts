import type { ErrorFactory } from "@voxwire/core";

/*
 * Asterisk documents no close codes for the media WebSocket: it closes when the channel hangs
 * up, and closes (and hangs up) on a message over 65,500 bytes, which this leg never sends.
 * Core's defaults (`closeEvents`, `httpError`) map every close; a documented code goes here.
 */
export const ASTERISK_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {};
