// phase0 beacon-chain.md, "Epoch processing" > "Rewards and penalties" > "process_rewards_and_penalties".
import type { BeaconConfig } from "../../params/beaconConfig.js";
import { GENESIS_EPOCH } from "../../params/constants.js";
import type { BeaconState } from "../../types/index.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { decreaseBalance } from "../mutators/decreaseBalance.js";
import { increaseBalance } from "../mutators/increaseBalance.js";
import { getAttestationDeltas } from "./getAttestationDeltas.js";

/** Applies the previous epoch's attestation rewards and penalties (none at genesis). */
export function processRewardsAndPenalties(cfg: BeaconConfig, state: BeaconState): void {
  // No rewards are applied at the end of GENESIS_EPOCH because rewards are for work done in the previous epoch
  if (getCurrentEpoch(cfg, state) === GENESIS_EPOCH) return;
  const { rewards, penalties } = getAttestationDeltas(cfg, state);
  for (let index = 0; index < state.validators.length; index++) {
    increaseBalance(cfg, state, index, rewards[index]);
    decreaseBalance(cfg, state, index, penalties[index]);
  }
}
