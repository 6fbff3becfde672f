// Helpers every dialect uses and the spec does not define: events built from typed errors and
// from a socket's close. Outside the versioned spec folder, so a spec v2 can share them.
export { closeEvents } from "./close-events.js";
export { errorEvent } from "./error-event.js";
