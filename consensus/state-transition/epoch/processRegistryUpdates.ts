// phase0 beacon-chain.md, "Epoch processing" > "Registry updates": process_registry_updates.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { getValidatorChurnLimit } from "../accessors/getValidatorChurnLimit.js";
import { writableValidator } from "../caches/copyOnWrite.js";
import { computeActivationExitEpoch } from "../misc/computeActivationExitEpoch.js";
import { initiateValidatorExit } from "../mutators/initiateValidatorExit.js";
import { isActiveValidator } from "../predicates/isActiveValidator.js";
import { isEligibleForActivation } from "../predicates/isEligibleForActivation.js";
import { isEligibleForActivationQueue } from "../predicates/isEligibleForActivationQueue.js";

/** Queues new deposits for activation, ejects low-balance validators, and activates up to the churn limit. */
export function processRegistryUpdates(cfg: BeaconConfig, state: BeaconState): void {
  // Process activation eligibility and ejections
  for (let index = 0; index < state.validators.length; index++) {
    if (isEligibleForActivationQueue(cfg, state.validators[index])) {
      writableValidator(state, index).activationEligibilityEpoch = getCurrentEpoch(cfg, state) + 1;
    }
    const validator = state.validators[index];
    if (
      isActiveValidator(validator, getCurrentEpoch(cfg, state)) &&
      validator.effectiveBalance <= cfg.EJECTION_BALANCE
    ) {
      initiateValidatorExit(cfg, state, index);
    }
  }

  // Queue validators eligible for activation and not yet dequeued for activation,
  // ordered by the epoch they became eligible, then by index
  const activationQueue: number[] = [];
  state.validators.forEach((validator, index) => {
    if (isEligibleForActivation(cfg, state, validator)) activationQueue.push(index);
  });
  activationQueue.sort(
    (a, b) => state.validators[a].activationEligibilityEpoch - state.validators[b].activationEligibilityEpoch || a - b,
  );
  // Dequeue validators for activation up to the churn limit
  for (const index of activationQueue.slice(0, getValidatorChurnLimit(cfg, state))) {
    writableValidator(state, index).activationEpoch = computeActivationExitEpoch(cfg, getCurrentEpoch(cfg, state));
  }
}
