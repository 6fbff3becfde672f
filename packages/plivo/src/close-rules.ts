import type { ErrorFactory } from "@voxwire/core";

/*
 * Plivo dials us and documents no close codes for the stream: its clean close is the end of the
 * call (there is no `stop`), which core's defaults (`closeEvents`) map to `session-ended`. A
 * documented code goes here.
 */
export const PLIVO_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {};
