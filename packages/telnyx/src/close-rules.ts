import type { ErrorFactory } from "@voxwire/core";

/*
 * Telnyx dials us, so no upgrade of ours is refused and Telnyx documents no close codes for the
 * media stream: core's defaults (`closeEvents`, `httpError`) map every close. Kept so the leg
 * has the adapter template's shape; a documented code goes here.
 */
export const TELNYX_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {};
