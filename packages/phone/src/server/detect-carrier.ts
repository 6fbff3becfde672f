import type { CarrierLeg, DetectInput } from "../carrier.js";

/**
 * Which of `legs` a stream belongs to, from its upgrade and its frames so far: the first leg
 * that says "yes"; undefined while any still says "wait"; `null` when every leg says "no" (the
 * stream is no carrier's this server knows). Legs without `detect` are never chosen.
 */
export function detectCarrier(legs: readonly CarrierLeg[], input: DetectInput): CarrierLeg | null | undefined {
  let waiting = false;
  for (const leg of legs) {
    const answer = leg.detect?.(input) ?? "no";
    if (answer === "yes") return leg;
    if (answer === "wait") waiting = true;
  }
  return waiting ? undefined : null;
}
