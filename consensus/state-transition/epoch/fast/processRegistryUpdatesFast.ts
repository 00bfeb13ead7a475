// phase0 beacon-chain.md, "Epoch processing" > "Registry updates", visiting only the candidates the
// EpochParticipation pass listed (each condition checked again on the validator), with the exit queue of
// initiate_validator_exit ("Beacon state mutators") kept per state (caches/exitQueue.ts) instead of rescanning the
// registry for every ejection.
import type { BeaconConfig } from "../../../params/beaconConfig.js";
import type { BeaconState } from "../../../types/index.js";
import { writableValidator } from "../../caches/copyOnWrite.js";
import { primeExitQueue } from "../../caches/exitQueue.js";
import { computeActivationExitEpoch } from "../../misc/computeActivationExitEpoch.js";
import { initiateValidatorExit } from "../../mutators/initiateValidatorExit.js";
import { isActiveValidator } from "../../predicates/isActiveValidator.js";
import { isEligibleForActivation } from "../../predicates/isEligibleForActivation.js";
import { isEligibleForActivationQueue } from "../../predicates/isEligibleForActivationQueue.js";
import type { EpochParticipation } from "./epochParticipation.js";

export function processRegistryUpdatesFast(cfg: BeaconConfig, state: BeaconState, p: EpochParticipation): void {
  const currentEpoch = p.currentEpoch;
  // get_validator_churn_limit: the active set of the current epoch does not change during this function
  const churnLimit = Math.max(
    cfg.MIN_PER_EPOCH_CHURN_LIMIT,
    Math.floor(p.activeCurrentCount / cfg.CHURN_LIMIT_QUOTIENT),
  );
  const activationExitEpoch = computeActivationExitEpoch(cfg, currentEpoch);
  // The exit queue as the pass saw the registry (nothing wrote an exit epoch since), for the ejections below
  primeExitQueue(state, p.exitQueue);

  // Process activation eligibility and ejections: one validator's update never changes another's conditions, and
  // the ejections run in index order (the exit queue depends on it)
  for (const index of p.activationQueueCandidates) {
    if (isEligibleForActivationQueue(cfg, state.validators[index])) {
      writableValidator(state, index).activationEligibilityEpoch = currentEpoch + 1;
    }
  }
  for (const index of p.ejectionCandidates) {
    const validator = state.validators[index];
    if (isActiveValidator(validator, currentEpoch) && validator.effectiveBalance <= cfg.EJECTION_BALANCE) {
      initiateValidatorExit(cfg, state, index);
    }
  }

  // Activation queue, ordered by eligibility epoch then index; dequeue up to the churn limit. Only validators not
  // activated at the pass can be eligible (this function sets no activation epoch before this point).
  const validators = state.validators;
  const activationQueue = p.notActivated.filter((index) => isEligibleForActivation(cfg, state, validators[index]));
  activationQueue.sort(
    (a, b) => validators[a].activationEligibilityEpoch - validators[b].activationEligibilityEpoch || a - b,
  );
  for (const index of activationQueue.slice(0, churnLimit)) {
    writableValidator(state, index).activationEpoch = activationExitEpoch;
  }
}
