// phase0 beacon-chain.md, "Epoch processing" > "Justification and finalization": process_justification_and_finalization.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import { GENESIS_EPOCH } from "../../params/constants.js";
import type { BeaconState } from "../../types/index.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { getPreviousEpoch } from "../accessors/getPreviousEpoch.js";
import { getTotalActiveBalance } from "../accessors/getTotalActiveBalance.js";
import { getAttestingBalance } from "./getAttestingBalance.js";
import { getMatchingTargetAttestations } from "./getMatchingTargetAttestations.js";
import { weighJustificationAndFinalization } from "./weighJustificationAndFinalization.js";

/** Justifies the previous/current epoch on a 2/3 target supermajority and finalizes per the 4 finality rules. */
export function processJustificationAndFinalization(cfg: BeaconConfig, state: BeaconState): void {
  // Initial FFG checkpoint values have a `0x00` stub for `root`: skip FFG updates in the first two epochs.
  if (getCurrentEpoch(cfg, state) <= GENESIS_EPOCH + 1) return;
  const previousTargetBalance = getAttestingBalance(
    cfg,
    state,
    getMatchingTargetAttestations(cfg, state, getPreviousEpoch(cfg, state)),
  );
  const currentTargetBalance = getAttestingBalance(
    cfg,
    state,
    getMatchingTargetAttestations(cfg, state, getCurrentEpoch(cfg, state)),
  );
  weighJustificationAndFinalization(
    cfg,
    state,
    getTotalActiveBalance(cfg, state),
    previousTargetBalance,
    currentTargetBalance,
  );
}
