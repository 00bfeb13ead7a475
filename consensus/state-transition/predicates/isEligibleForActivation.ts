import type { BeaconConfig } from "../../params/beaconConfig.js";
import { FAR_FUTURE_EPOCH } from "../../params/constants.js";
import type { BeaconState, Validator } from "../../types/index.js";

/** is_eligible_for_activation (phase0 beacon-chain.md, "Predicates"). */
export function isEligibleForActivation(_cfg: BeaconConfig, state: BeaconState, validator: Validator): boolean {
  return (
    validator.activationEligibilityEpoch <= state.finalizedCheckpoint.epoch &&
    validator.activationEpoch === FAR_FUTURE_EPOCH
  );
}
