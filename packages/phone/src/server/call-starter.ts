import { accept, type ConnectOptions, connect, type Logger } from "@voxwire/core";
import type { WebSocket } from "ws";
import { BatchedWebSocket, batchSends } from "../batched-sends.js";
import { type BridgeOptions, bridge, type PhoneBridge } from "../bridge.js";
import { watchCallLimits } from "./call-limits.js";
import type { PhoneBridgeHandlerOptions } from "./handler-options.js";
import type { Route } from "./routes.js";

/** Carriers stream media every 20 ms: ten seconds of nothing is a dead or hostile leg. */
const DEFAULT_PHONE_INACTIVITY_MS = 10_000;

/**
 * Starts a call on an accepted carrier stream: the phone leg's session (pinged, with an inactivity
 * deadline), a fresh agent session per call, the bridge between them and the call's limits.
 */
export function callStarter(options: PhoneBridgeHandlerOptions, log: Logger, onStarted: (call: PhoneBridge, route: Route) => void) {
  const batch = options.batchWrites ?? true;
  const agentSocket = options.agentOptions?.WebSocket ?? (batch ? (BatchedWebSocket as unknown as ConnectOptions["WebSocket"]) : undefined);
  // Both legs are pinged on the same schedule unless the agent's options say otherwise.
  const liveness = {
    ...(options.pingIntervalMs !== undefined ? { pingIntervalMs: options.pingIntervalMs } : {}),
    ...(options.pongTimeoutMs !== undefined ? { pongTimeoutMs: options.pongTimeoutMs } : {}),
  };
  return function startCall(ws: WebSocket, route: Route): PhoneBridge {
    if (batch) batchSends(ws);
    const phone = accept(route.dialect, ws as unknown as Parameters<typeof accept>[1], {
      ...(options.logger ? { logger: options.logger } : {}),
      inactivityTimeoutMs: options.phoneInactivityMs ?? DEFAULT_PHONE_INACTIVITY_MS,
      ...liveness,
    });
    const onTransfer = options.onTransfer ?? route.leg.onTransfer;
    const onHangup = options.onHangup ?? route.leg.onHangup;
    const flowSignal = options.flowSignal ?? route.leg.flowSignal;
    const bridgeOptions: BridgeOptions = {
      ...options,
      ...(onTransfer ? { onTransfer } : {}),
      ...(onHangup ? { onHangup } : {}),
      ...(flowSignal ? { flowSignal } : {}),
    };
    const callerRate = phone.audio.output.sampleRate;
    const call = bridge(
      phone,
      async (info, signal) => {
        const dialect = typeof options.agent === "function" ? await options.agent(info) : options.agent;
        return connect(dialect, {
          ...liveness,
          ...options.agentOptions,
          ...(agentSocket ? { WebSocket: agentSocket } : {}),
          // The agent's session converts the caller's audio to its wire rate (nothing at all for an
          // agent at the phone's rate); its own audio comes at its wire rate, and the bridge converts
          // and frames it, so a turn's tail can be flushed when the agent falls silent.
          input: { sampleRate: callerRate },
          signal,
        });
      },
      bridgeOptions,
    );
    watchCallLimits(call, { maxCallMs: options.maxCallMs }, log);
    onStarted(call, route);
    try {
      options.onCall?.(call);
    } catch (error) {
      log.error(`onCall threw: ${error instanceof Error ? error.message : String(error)}`);
    }
    return call;
  };
}
