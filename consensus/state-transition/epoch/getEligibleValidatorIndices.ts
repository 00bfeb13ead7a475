// phase0 beacon-chain.md, "Epoch processing" > "Rewards and penalties" > "Helpers": get_eligible_validator_indices.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState, Validator } from "../../types/index.js";
import { getPreviousEpoch } from "../accessors/getPreviousEpoch.js";
import { isActiveValidator } from "../predicates/isActiveValidator.js";

/** Validators that receive attestation rewards or penalties for the previous epoch. */
export function getEligibleValidatorIndices(cfg: BeaconConfig, state: BeaconState): number[] {
  const previousEpoch = getPreviousEpoch(cfg, state);
  const indices: number[] = [];
  state.validators.forEach((v, index) => {
    if (isEligibleValidator(v, previousEpoch)) indices.push(index);
  });
  return indices;
}

/** The per-validator condition of get_eligible_validator_indices. */
export function isEligibleValidator(v: Validator, previousEpoch: number): boolean {
  return isActiveValidator(v, previousEpoch) || (v.slashed && previousEpoch + 1 < v.withdrawableEpoch);
}
