import type { BeaconState, Validator } from "../../types/index.js";
import { check } from "../errors.js";

/** state.validators[index], or a VALIDATOR_INDEX_OUT_OF_RANGE error naming what referred to it (the spec's IndexError). */
export function validatorAt(state: BeaconState, index: number, what: string): Validator {
  check(
    Number.isInteger(index) && index >= 0 && index < state.validators.length,
    "VALIDATOR_INDEX_OUT_OF_RANGE",
    () => `${what} names validator ${index}, but the registry has ${state.validators.length} validators`,
  );
  return state.validators[index];
}
