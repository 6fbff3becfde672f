import { type ConnectOptions, connect, type Dialect, type InboundEvent, type InboundEventOf, type Session } from "@voxwire/core";

/**
 * Connects, adds the session to `opened` (the test file closes those after each test), and
 * collects every event: the iterator also gets those from before it started; `drained`
 * resolves after the last one (session-ended). It takes the session at the open socket
 * (`resolveOn: "open"`) so a refusal during the handshake is seen as the events it makes;
 * conformance's bad-credential scenario checks that the default `connect()` rejects instead.
 */
export async function connectCollecting(dialect: Dialect, options: ConnectOptions, opened: Session[]) {
  const session = await connect(dialect, { resolveOn: "open", ...options });
  opened.push(session);
  const events: InboundEvent[] = [];
  const drained = (async () => {
    for await (const event of session) events.push(event);
  })();
  const of = <T extends InboundEvent["type"]>(type: T) => events.filter((e): e is InboundEventOf<T> => e.type === type);
  return { session, events, of, drained };
}
