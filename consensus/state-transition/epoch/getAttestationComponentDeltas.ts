// phase0 beacon-chain.md, "Epoch processing" > "Rewards and penalties" > "Components of attestation deltas":
// get_attestation_component_deltas.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState, PendingAttestation } from "../../types/index.js";
import { getTotalActiveBalance } from "../accessors/getTotalActiveBalance.js";
import { getTotalBalance } from "../accessors/getTotalBalance.js";
import type { Deltas } from "./deltas.js";
import { zeroDeltas } from "./deltas.js";
import { floorMulDiv } from "./floorMulDiv.js";
import { getBaseReward } from "./getBaseReward.js";
import { getEligibleValidatorIndices } from "./getEligibleValidatorIndices.js";
import { getUnslashedAttestingIndices } from "./getUnslashedAttestingIndices.js";
import { isInInactivityLeak } from "./isInInactivityLeak.js";

/** Shared logic of the source, target and head deltas: reward attesters pro rata, penalize the others. */
export function getAttestationComponentDeltas(
  cfg: BeaconConfig,
  state: BeaconState,
  attestations: readonly PendingAttestation[],
): Deltas {
  const deltas = zeroDeltas(state.validators.length);
  const totalBalance = getTotalActiveBalance(cfg, state);
  const unslashedAttestingIndices = getUnslashedAttestingIndices(cfg, state, attestations);
  const attestingBalance = getTotalBalance(cfg, state, unslashedAttestingIndices);
  for (const index of getEligibleValidatorIndices(cfg, state)) {
    if (unslashedAttestingIndices.has(index)) {
      // Factored out from balance totals to avoid uint64 overflow
      const increment = cfg.EFFECTIVE_BALANCE_INCREMENT;
      if (isInInactivityLeak(cfg, state)) {
        // The inactivity penalty cancels the full base reward, so optimal participation gets it all back here.
        deltas.rewards[index] += getBaseReward(cfg, state, index);
      } else {
        // reward_numerator = base_reward * (attesting_balance // increment); reward = numerator // (total // increment)
        deltas.rewards[index] += floorMulDiv(
          getBaseReward(cfg, state, index),
          Math.floor(attestingBalance / increment),
          Math.floor(totalBalance / increment),
        );
      }
    } else {
      deltas.penalties[index] += getBaseReward(cfg, state, index);
    }
  }
  return deltas;
}
