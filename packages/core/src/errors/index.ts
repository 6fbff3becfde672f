export { BootstrapError } from "./bootstrap-error.js";
export { closeEvents, defaultCloseErrors, defaultHttpErrors, type ErrorFactory, httpError, vendorCodeOf } from "./close-codes.js";
export { defineVoxwireError, type ErrorDefaults, type VoxwireErrorClass } from "./define-error.js";
export * from "./error-classes.js";
export { errorEvent } from "./error-event.js";
export { VoxwireError, type VoxwireErrorOptions } from "./voxwire-error.js";
