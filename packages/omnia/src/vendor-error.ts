import { defineVoxwireError } from "@voxwire/core";

/**
 * The agent reported an error in an `error{message}` message. Not fatal: the call goes on unless
 * the vendor also closes the socket (that close is classified on its own). Core has no class for
 * a vendor's in-band error report yet, so this dialect defines one with the stable code `vendor_error`.
 */
export const VendorError = defineVoxwireError("VendorError", "vendor_error", { retryable: false, fatal: false });
export type VendorError = InstanceType<typeof VendorError>;
