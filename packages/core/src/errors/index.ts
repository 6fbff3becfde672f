export { VoxwireError, type VoxwireErrorOptions } from "./voxwire-error.js";
export { defineVoxwireError, type VoxwireErrorClass, type ErrorDefaults } from "./define-error.js";
export * from "./error-classes.js";
export { BootstrapError } from "./bootstrap-error.js";
export { closeEvents, defaultCloseErrors, defaultHttpErrors, httpError, vendorCodeOf, type ErrorFactory } from "./close-codes.js";
export { errorEvent } from "./error-event.js";
