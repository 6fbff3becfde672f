import { createResampler } from "../audio/resampler.js";
import type { Dialect } from "../dialect/current.js";
import { ConfigError } from "../errors/error-classes.js";
import { SecretSet } from "../secrets/redact.js";
import { checkSpecVersion, environment } from "./dialect-env.js";
import { guardDialectCall } from "./guard-dialect-call.js";
import { LiveSession } from "./live-session.js";
import { planSessionAudio } from "./session-audio.js";
import type { Session, SessionOptions } from "./types.js";
import type { WebSocketLike } from "./websocket.js";

/**
 * Wraps a socket a peer opened to us (a server-role dialect such as the Twilio leg) in a session.
 * The socket must already be open.
 */
export function accept(dialect: Dialect, socket: WebSocketLike, options: SessionOptions = {}): Session {
  const name = dialect.name;
  checkSpecVersion(dialect);
  const secrets = new SecretSet();
  const env = environment(options);
  const preparation = guardDialectCall(() => dialect.prepare(env), { secrets, dialect: name, step: "prepare" });
  if (preparation.kind !== "plan") {
    throw new ConfigError(`the ${name} dialect needs a bootstrap call, so it cannot accept a socket`, { dialect: name });
  }
  const plan = preparation.plan;
  secrets.add(...plan.secrets);
  const codec = guardDialectCall(() => dialect.createCodec(plan, env), { secrets, dialect: name, step: "createCodec" });
  const audio = planSessionAudio(plan, options, createResampler);
  return new LiveSession({ dialect, plan, codec, socket, secrets, options, audio, alreadyOpen: true });
}
