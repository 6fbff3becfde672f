import type { ConnectPlan, DialectEnv, DialectV2, HttpResponseData, Preparation } from "@voxwire/core";

export const NODE: DialectEnv = { runtime: "node", now: 0 };
export const KEY = "omnia_k3y_S3cr3tValue";
export const SOCKET_URL = "wss://media.omnia-voice.test/calls/3f2b9c1e-77aa-4c1d-9e55-0a1b2c3d4e5f/ws?token=tok_9f8e7d6c5b4a39281706";

/** The bootstrap half of a dialect's preparation (fails the test if it is a plain plan). */
export function bootstrapOf(dialect: DialectV2, env: DialectEnv = NODE): Extract<Preparation, { kind: "bootstrap" }> {
  const preparation = dialect.prepare(env);
  if (preparation.kind !== "bootstrap") throw new Error("expected a bootstrap preparation");
  return preparation;
}

export function response(status: number, body: unknown): HttpResponseData {
  return { status, headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) };
}

/** The plan a dialect gets for a created call whose answer is `{ [field]: url }`. */
export function createdPlan(dialect: DialectV2, field = "websocketUrl", url = SOCKET_URL): ConnectPlan {
  return bootstrapOf(dialect).parse(response(201, { [field]: url }), NODE);
}
