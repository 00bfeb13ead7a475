// The body of phase0 process_justification_and_finalization ("Epoch processing" > "Justification and
// finalization") once the target balances are known; later spec versions name this split
// weigh_justification_and_finalization. Shared by the spec-literal and the fast epoch paths.
import { BitArray } from "@chainsafe/ssz";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import { JUSTIFICATION_BITS_LENGTH } from "../../params/constants.js";
import type { BeaconState } from "../../types/index.js";
import { getBlockRoot } from "../accessors/getBlockRoot.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { getPreviousEpoch } from "../accessors/getPreviousEpoch.js";

/**
 * Balances are sums of effective balances (multiples of EFFECTIVE_BALANCE_INCREMENT), exact as JS numbers for any
 * realistic registry, so `x * 3 >= total * 2` is evaluated exactly.
 */
export function weighJustificationAndFinalization(
  cfg: BeaconConfig,
  state: BeaconState,
  totalActiveBalance: number,
  previousEpochTargetBalance: number,
  currentEpochTargetBalance: number,
): void {
  const previousEpoch = getPreviousEpoch(cfg, state);
  const currentEpoch = getCurrentEpoch(cfg, state);
  const oldPreviousJustifiedCheckpoint = state.previousJustifiedCheckpoint;
  const oldCurrentJustifiedCheckpoint = state.currentJustifiedCheckpoint;

  // Process justifications
  state.previousJustifiedCheckpoint = state.currentJustifiedCheckpoint;
  const oldBits = state.justificationBits;
  const bits = BitArray.fromBitLen(JUSTIFICATION_BITS_LENGTH);
  for (let i = 1; i < JUSTIFICATION_BITS_LENGTH; i++) bits.set(i, oldBits.get(i - 1));
  if (previousEpochTargetBalance * 3 >= totalActiveBalance * 2) {
    state.currentJustifiedCheckpoint = { epoch: previousEpoch, root: getBlockRoot(cfg, state, previousEpoch) };
    bits.set(1, true);
  }
  if (currentEpochTargetBalance * 3 >= totalActiveBalance * 2) {
    state.currentJustifiedCheckpoint = { epoch: currentEpoch, root: getBlockRoot(cfg, state, currentEpoch) };
    bits.set(0, true);
  }
  state.justificationBits = bits;

  // Process finalizations
  const allSet = (from: number, to: number): boolean => {
    for (let i = from; i < to; i++) if (!bits.get(i)) return false;
    return true;
  };
  // The 2nd/3rd/4th most recent epochs are justified, the 2nd using the 4th as source
  if (allSet(1, 4) && oldPreviousJustifiedCheckpoint.epoch + 3 === currentEpoch) {
    state.finalizedCheckpoint = oldPreviousJustifiedCheckpoint;
  }
  // The 2nd/3rd most recent epochs are justified, the 2nd using the 3rd as source
  if (allSet(1, 3) && oldPreviousJustifiedCheckpoint.epoch + 2 === currentEpoch) {
    state.finalizedCheckpoint = oldPreviousJustifiedCheckpoint;
  }
  // The 1st/2nd/3rd most recent epochs are justified, the 1st using the 3rd as source
  if (allSet(0, 3) && oldCurrentJustifiedCheckpoint.epoch + 2 === currentEpoch) {
    state.finalizedCheckpoint = oldCurrentJustifiedCheckpoint;
  }
  // The 1st/2nd most recent epochs are justified, the 1st using the 2nd as source
  if (allSet(0, 2) && oldCurrentJustifiedCheckpoint.epoch + 1 === currentEpoch) {
    state.finalizedCheckpoint = oldCurrentJustifiedCheckpoint;
  }
}
