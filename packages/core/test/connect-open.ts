import { connect } from "../src/session/connect.js";

/**
 * `connect()` resolving as soon as the socket is open (`resolveOn: "open"`): the runtime tests
 * drive the peer by hand after connecting, so they cannot wait for a `session-started` first.
 * The tests of `connect()`'s live semantics use `connect` itself.
 */
export const connectOpen: typeof connect = (dialect, options = {}) => connect(dialect, { resolveOn: "open", ...options });
