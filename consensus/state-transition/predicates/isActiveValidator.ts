import type { Validator } from "../../types/index.js";

/** is_active_validator (phase0 beacon-chain.md, "Predicates"). */
export function isActiveValidator(validator: Validator, epoch: number): boolean {
  return validator.activationEpoch <= epoch && epoch < validator.exitEpoch;
}
