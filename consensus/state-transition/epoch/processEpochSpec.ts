// phase0 beacon-chain.md, "Epoch processing": process_epoch, exactly as written (the readable reference; the
// default processEpoch runs the equivalent fast path).
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { processFinalUpdates } from "./processFinalUpdates.js";
import { processJustificationAndFinalization } from "./processJustificationAndFinalization.js";
import { processRegistryUpdates } from "./processRegistryUpdates.js";
import { processRewardsAndPenalties } from "./processRewardsAndPenalties.js";
import { processSlashings } from "./processSlashings.js";

/** The five epoch sub-transitions in spec order, each computed from scratch as the spec writes it. */
export function processEpochSpec(cfg: BeaconConfig, state: BeaconState): void {
  processJustificationAndFinalization(cfg, state);
  processRewardsAndPenalties(cfg, state);
  processRegistryUpdates(cfg, state);
  processSlashings(cfg, state);
  processFinalUpdates(cfg, state);
}
