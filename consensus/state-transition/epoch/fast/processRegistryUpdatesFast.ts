// phase0 beacon-chain.md, "Epoch processing" > "Registry updates", with the exit queue of initiate_validator_exit
// ("Beacon state mutators") kept per state (caches/exitQueue.ts) instead of rescanning the registry for every ejection.
import type { BeaconConfig } from "../../../params/beaconConfig.js";
import { FAR_FUTURE_EPOCH } from "../../../params/constants.js";
import type { BeaconState } from "../../../types/index.js";
import { writableValidator } from "../../caches/copyOnWrite.js";
import { primeExitQueue } from "../../caches/exitQueue.js";
import { computeActivationExitEpoch } from "../../misc/computeActivationExitEpoch.js";
import { initiateValidatorExit } from "../../mutators/initiateValidatorExit.js";
import { isEligibleForActivation } from "../../predicates/isEligibleForActivation.js";
import { isEligibleForActivationQueue } from "../../predicates/isEligibleForActivationQueue.js";
import { type EpochParticipation, FLAG_ACTIVE_CURRENT } from "./epochParticipation.js";

export function processRegistryUpdatesFast(cfg: BeaconConfig, state: BeaconState, p: EpochParticipation): void {
  const currentEpoch = p.currentEpoch;
  // get_validator_churn_limit: the active set of the current epoch does not change during this function
  const churnLimit = Math.max(
    cfg.MIN_PER_EPOCH_CHURN_LIMIT,
    Math.floor(p.activeCurrentCount / cfg.CHURN_LIMIT_QUOTIENT),
  );
  const activationExitEpoch = computeActivationExitEpoch(cfg, currentEpoch);

  // The exit queue as this pass sees it, handed to the state for later exits when nobody was ejected (an ejection
  // makes initiateValidatorExit scan and then keep it itself)
  let queueEpoch = -1;
  let queueChurn = 0;
  for (let index = 0; index < state.validators.length; index++) {
    if (isEligibleForActivationQueue(cfg, state.validators[index])) {
      writableValidator(state, index).activationEligibilityEpoch = currentEpoch + 1;
    }
    const validator = state.validators[index];
    if (p.flags[index] & FLAG_ACTIVE_CURRENT && validator.effectiveBalance <= cfg.EJECTION_BALANCE) {
      initiateValidatorExit(cfg, state, index); // the exit queue is kept per state (caches/exitQueue.ts)
    }
    const exitEpoch = state.validators[index].exitEpoch;
    if (exitEpoch === FAR_FUTURE_EPOCH) continue;
    if (exitEpoch > queueEpoch) {
      queueEpoch = exitEpoch;
      queueChurn = 1;
    } else if (exitEpoch === queueEpoch) queueChurn++;
  }
  primeExitQueue(state, { epoch: queueEpoch, churn: queueChurn });

  // Activation queue, ordered by eligibility epoch then index; dequeue up to the churn limit
  const validators = state.validators;
  const activationQueue: number[] = [];
  for (let index = 0; index < validators.length; index++) {
    if (isEligibleForActivation(cfg, state, validators[index])) activationQueue.push(index);
  }
  activationQueue.sort(
    (a, b) => validators[a].activationEligibilityEpoch - validators[b].activationEligibilityEpoch || a - b,
  );
  for (const index of activationQueue.slice(0, churnLimit)) {
    writableValidator(state, index).activationEpoch = activationExitEpoch;
  }
}
