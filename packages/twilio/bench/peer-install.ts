/*
 * The peer's packages, installed at bench time from the npm registry into the cache outside git
 * (beside the official clients the tests install): @openai/agents-extensions with the
 * @openai/agents-realtime it depends on, the umbrella @openai/agents its transport imports, and `ws` for its Twilio-facing server. Its other peer
 * dependencies (AI SDK, sandboxes, zod) are for features the Twilio transport does not use, so
 * they are left out (`--legacy-peer-deps`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { npmEnv } from "@voxwire/test-utils";

export const PEER_VERSIONS = { extensions: "0.18.0", realtime: "0.18.0", agents: "0.18.0", ws: "8.23.1" } as const;

/** The install's folder (its node_modules holds the peer), installing it first when missing. */
export function installPeer(): string {
  const cache = process.env.VOXWIRE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "voxwire");
  const dir = join(cache, "clients", `openai-agents-extensions-${PEER_VERSIONS.extensions}`);
  // The Twilio transport imports the umbrella @openai/agents (a peer dependency) as well.
  const installed = () =>
    ["agents-extensions", "agents-realtime", "agents"].every((name) => existsSync(join(dir, "node_modules", "@openai", name, "package.json")));
  if (installed()) return dir;
  const staging = `${dir}.installing-${process.pid}`;
  mkdirSync(staging, { recursive: true }); // recursive: the cache folder may not exist yet
  try {
    execFileSync(
      "npm",
      [
        "install",
        "--prefix",
        staging,
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
        "--legacy-peer-deps",
        `@openai/agents-extensions@${PEER_VERSIONS.extensions}`,
        `@openai/agents-realtime@${PEER_VERSIONS.realtime}`,
        `@openai/agents@${PEER_VERSIONS.agents}`,
        `ws@${PEER_VERSIONS.ws}`,
      ],
      { stdio: "pipe", timeout: 300_000, env: npmEnv() },
    );
    if (!installed()) renameSync(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}
