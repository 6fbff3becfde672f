import type { ErrorFactory } from "@voxwire/core";

/* SignalWire dials us and documents no close codes for the stream; core's defaults map any close. */
export const SIGNALWIRE_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {};
