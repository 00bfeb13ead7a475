// phase0 beacon-chain.md, "Epoch processing" > process_epoch, on precomputed per-validator participation.
// Gives exactly the result of processEpochSpec (checked by the spec tests and a property test).
import type { BeaconConfig } from "../../../params/beaconConfig.js";
import { GENESIS_EPOCH } from "../../../params/constants.js";
import type { BeaconState } from "../../../types/index.js";
import { setActiveIndicesHints } from "../../caches/epochShuffling.js";
import { processFinalUpdates } from "../processFinalUpdates.js";
import { weighJustificationAndFinalization } from "../weighJustificationAndFinalization.js";
import { computeEpochParticipation } from "./epochParticipation.js";
import { processRegistryUpdatesFast } from "./processRegistryUpdatesFast.js";
import { processRewardsAndPenaltiesFast } from "./processRewardsAndPenaltiesFast.js";
import { processSlashingsFast } from "./processSlashingsFast.js";

export function processEpochFast(cfg: BeaconConfig, state: BeaconState): void {
  const p = computeEpochParticipation(cfg, state);
  // process_justification_and_finalization (skipped in the first two epochs)
  if (p.currentEpoch > GENESIS_EPOCH + 1) {
    weighJustificationAndFinalization(cfg, state, p.totalActiveBalance, p.prevTargetBalance, p.currTargetBalance);
  }
  processRewardsAndPenaltiesFast(cfg, state, p);
  processRegistryUpdatesFast(cfg, state, p);
  processSlashingsFast(cfg, state, p);
  processFinalUpdates(cfg, state, p.effectiveBalance); // the effective balances as the pass read them: unchanged
  // The active sets of the next two shufflings to compute (current + 2 now, current + 3 at the next transition),
  // fixed and known from the pass
  setActiveIndicesHints(
    state,
    new Map([
      [p.currentEpoch + 2, p.activeIndicesInTwoEpochs],
      [p.currentEpoch + 3, p.activeIndicesInThreeEpochs],
    ]),
  );
}
