import type { BeaconConfig } from "../../params/beaconConfig.js";
import { FAR_FUTURE_EPOCH } from "../../params/constants.js";
import type { Validator } from "../../types/index.js";

/** is_eligible_for_activation_queue (phase0 beacon-chain.md, "Predicates"). */
export function isEligibleForActivationQueue(cfg: BeaconConfig, validator: Validator): boolean {
  return (
    validator.activationEligibilityEpoch === FAR_FUTURE_EPOCH &&
    validator.effectiveBalance === cfg.MAX_EFFECTIVE_BALANCE
  );
}
