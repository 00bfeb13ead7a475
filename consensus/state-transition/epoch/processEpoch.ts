// phase0 beacon-chain.md, "Epoch processing": process_epoch.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { processEpochFast } from "./fast/processEpochFast.js";
import { processEpochSpec } from "./processEpochSpec.js";

export type EpochProcessingMode = "fast" | "spec";

/**
 * Justification and finalization, rewards and penalties, registry updates, slashings and final updates, in place.
 * Runs the single-pass fast path by default; `mode: "spec"` runs the spec-literal functions (same result, slower:
 * O(validators x attestations)).
 */
export function processEpoch(cfg: BeaconConfig, state: BeaconState, mode: EpochProcessingMode = "fast"): void {
  if (mode === "spec") processEpochSpec(cfg, state);
  else processEpochFast(cfg, state);
}
