import type { ConnectPlan, Dialect, DialectEnv } from "../dialect/current.js";
import { ConfigError, NetworkError, TokenExpiredError } from "../errors/error-classes.js";
import { SecretSet } from "../secrets/redact.js";
import { throwIfAborted, withDeadline } from "./abort.js";
import { checkSpecVersion, environment } from "./dialect-env.js";
import { guardDialectCall } from "./guard-dialect-call.js";
import { LiveSession, maxMessageBytes, type SessionConnection } from "./live-session.js";
import { loadResampler } from "./load-resampler.js";
import { closeAfterOpenError } from "./open-error-closes.js";
import { convertsRates, planSessionAudio } from "./session-audio.js";
import type { ConnectOptions, Session } from "./types.js";
import { pickWebSocket, type WebSocketClientOptions, type WebSocketLike } from "./websocket.js";

const DEFAULT_OPEN_MS = 10_000;

/**
 * Dials a client-role dialect: prepares (and, if the dialect has one, performs the bootstrap
 * HTTP call), refuses an expired plan, opens the socket, sends the first frames, and resolves
 * with a live session. Every failure is a typed `VoxwireError` without secrets.
 */
export async function connect(dialect: Dialect, options: ConnectOptions = {}): Promise<Session> {
  const name = dialect.name;
  checkSpecVersion(dialect);
  if (dialect.role !== "client") {
    throw new ConfigError(`the ${name} dialect is dialed by its peer (role "server"): use accept() on the socket it opens`, { dialect: name });
  }
  const secrets = new SecretSet();
  const env = environment(options);
  let audio: ReturnType<typeof planSessionAudio> | undefined;
  // Checked before a socket exists, so a refusal leaves nothing to clean up.
  const { plan, codec, openSocket } = await dial(dialect, options, env, secrets, async (first) => {
    audio = planSessionAudio(first, options, convertsRates(first, options) ? await loadResampler(name) : undefined);
  });
  const redial = (resume: unknown): Promise<SessionConnection> =>
    dial(dialect, options, resume === undefined ? environment(options) : { ...environment(options), resume }, secrets, (again) => {
      // The session's audio pipeline was built for the first plan's formats.
      if (JSON.stringify(again.audio) !== JSON.stringify(plan.audio)) {
        throw new ConfigError("the reconnect's plan has other audio formats than the session's", { dialect: name });
      }
    });
  const session = new LiveSession({ dialect, plan, codec, socket: openSocket(), redial, secrets, options, audio: audio!, alreadyOpen: false });
  try {
    await withDeadline(() => session.opened, {
      signal: options.signal,
      timeoutMs: options.timeouts?.openMs ?? DEFAULT_OPEN_MS,
      dialect: name,
      step: "opening the socket",
    });
  } catch (error) {
    session.abortOpen();
    throw error;
  }
  if (options.resolveOn !== "open") {
    try {
      await session.live;
    } catch (error) {
      // Nobody will read what it held; ending it must not wait on a gate nobody opens.
      session.openGateSoon();
      await session.close("refused");
      throw error;
    }
  }
  session.openGateSoon();
  return session;
}

/**
 * One dial: prepare (and, if the dialect has one, the bootstrap call), refuse an expired plan,
 * create the codec, and hand back how to make the socket (see SessionConnection). `connect()` dials once, and
 * again for every reconnect, adding each plan's secrets to the session's.
 */
async function dial(
  dialect: Dialect,
  options: ConnectOptions,
  env: DialectEnv,
  secrets: SecretSet,
  checkPlan: (plan: ConnectPlan) => void | Promise<void>,
): Promise<SessionConnection> {
  const name = dialect.name;
  throwIfAborted(options.signal, name, "prepare");
  const preparation = guardDialectCall(() => dialect.prepare(env), { secrets, dialect: name, step: "prepare" });

  const plan: ConnectPlan =
    preparation.kind === "plan" ? preparation.plan : await (await loadBootstrap(name)).bootstrapPlan(preparation, options, env, secrets, name);
  secrets.add(...plan.secrets);
  const now = (options.now ?? Date.now)();
  if (plan.expiresAt !== undefined && plan.expiresAt <= now) {
    throw new TokenExpiredError(`the connect plan expired ${Math.round((now - plan.expiresAt) / 1000)} s ago; bootstrap a new one`, {
      dialect: name,
    });
  }

  await checkPlan(plan);
  throwIfAborted(options.signal, name, "open");
  const needsHeaders = Object.keys(plan.headers ?? {}).length > 0;
  const Socket = await pickWebSocket(env.runtime, needsHeaders, options.WebSocket);
  const codec = guardDialectCall(() => dialect.createCodec(plan, env), { secrets, dialect: name, step: "createCodec" });
  const protocols = plan.protocols ? [...plan.protocols] : undefined;
  // No compression (a small message can inflate to a huge one) and a message cap, so a peer
  // cannot make `ws` buffer 100 MiB (its default) before the session sees a byte.
  const socketOptions: WebSocketClientOptions = { perMessageDeflate: false, maxPayload: maxMessageBytes(plan, options) };
  if (needsHeaders) socketOptions.headers = { ...plan.headers };
  // Only Node sockets take a third argument; a browser's WebSocket must get exactly what it expects.
  const openSocket = (): WebSocketLike =>
    closeAfterOpenError(
      guardDialectCall(
        () => (env.runtime === "node" || needsHeaders ? new Socket(plan.url, protocols, socketOptions) : new Socket(plan.url, protocols)),
        { secrets, dialect: name, step: "opening the socket" },
      ),
    );
  return { plan, codec, openSocket };
}

/**
 * The bootstrap code, loaded only for a dialect that has one: a page whose dialect never
 * bootstraps (Omni) does not download it (see bootstrap-plan.ts). A chunk the page cannot load
 * (offline, a stale deploy) is a typed, retryable error like any other network failure.
 */
function loadBootstrap(dialect: string): Promise<typeof import("./bootstrap-plan.js")> {
  return import("./bootstrap-plan.js").catch((cause: unknown) => {
    throw new NetworkError("could not load voxwire's bootstrap module", { dialect, cause });
  });
}
