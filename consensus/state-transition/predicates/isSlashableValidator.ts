import type { Validator } from "../../types/index.js";

/** is_slashable_validator (phase0 beacon-chain.md, "Predicates"). */
export function isSlashableValidator(validator: Validator, epoch: number): boolean {
  return !validator.slashed && validator.activationEpoch <= epoch && epoch < validator.withdrawableEpoch;
}
