export { BootstrapError } from "./bootstrap-error.js";
export { defaultCloseErrors, defaultHttpErrors, type ErrorFactory, httpError, vendorCodeOf } from "./close-codes.js";
export { defineVoxwireError, type ErrorDefaults, type VoxwireErrorClass } from "./define-error.js";
export * from "./error-classes.js";
export { isVoxwireErrorCode, type OpenErrorCode, VOXWIRE_ERROR_CODES, type VoxwireErrorCode } from "./error-codes.js";
export { VoxwireError, type VoxwireErrorOptions } from "./voxwire-error.js";
