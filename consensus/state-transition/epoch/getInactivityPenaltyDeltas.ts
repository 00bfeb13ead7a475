// phase0 beacon-chain.md, "Epoch processing" > "Rewards and penalties" > "Components of attestation deltas":
// get_inactivity_penalty_deltas.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import { BASE_REWARDS_PER_EPOCH } from "../../params/constants.js";
import type { BeaconState } from "../../types/index.js";
import { getPreviousEpoch } from "../accessors/getPreviousEpoch.js";
import type { Deltas } from "./deltas.js";
import { zeroDeltas } from "./deltas.js";
import { floorMulDiv } from "./floorMulDiv.js";
import { getBaseReward } from "./getBaseReward.js";
import { getEligibleValidatorIndices } from "./getEligibleValidatorIndices.js";
import { getFinalityDelay } from "./getFinalityDelay.js";
import { getMatchingTargetAttestations } from "./getMatchingTargetAttestations.js";
import { getProposerReward } from "./getProposerReward.js";
import { getUnslashedAttestingIndices } from "./getUnslashedAttestingIndices.js";
import { isInInactivityLeak } from "./isInInactivityLeak.js";

/** During an inactivity leak: cancel the attestation rewards, and bleed the stake of non-target-attesters. */
export function getInactivityPenaltyDeltas(cfg: BeaconConfig, state: BeaconState): Deltas {
  const deltas = zeroDeltas(state.validators.length);
  if (isInInactivityLeak(cfg, state)) {
    const matchingTargetAttestations = getMatchingTargetAttestations(cfg, state, getPreviousEpoch(cfg, state));
    const matchingTargetAttestingIndices = getUnslashedAttestingIndices(cfg, state, matchingTargetAttestations);
    for (const index of getEligibleValidatorIndices(cfg, state)) {
      // If the validator performs optimally this cancels all rewards, for a neutral balance
      const baseReward = getBaseReward(cfg, state, index);
      deltas.penalties[index] += BASE_REWARDS_PER_EPOCH * baseReward - getProposerReward(cfg, state, index);
      if (!matchingTargetAttestingIndices.has(index)) {
        const effectiveBalance = state.validators[index].effectiveBalance;
        deltas.penalties[index] += floorMulDiv(
          effectiveBalance,
          getFinalityDelay(cfg, state),
          cfg.INACTIVITY_PENALTY_QUOTIENT,
        );
      }
    }
  }
  return deltas;
}
