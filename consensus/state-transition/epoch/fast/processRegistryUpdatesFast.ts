// phase0 beacon-chain.md, "Epoch processing" > "Registry updates", with the exit queue of initiate_validator_exit
// ("Beacon state mutators") kept incrementally instead of rescanning the registry for every ejection.
import type { BeaconConfig } from "../../../params/beaconConfig.js";
import { FAR_FUTURE_EPOCH } from "../../../params/constants.js";
import type { BeaconState } from "../../../types/index.js";
import { writableValidator } from "../../caches/copyOnWrite.js";
import { computeActivationExitEpoch } from "../../misc/computeActivationExitEpoch.js";
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
  let exitQueue: { epoch: number; churn: number } | undefined;

  for (let index = 0; index < state.validators.length; index++) {
    if (isEligibleForActivationQueue(cfg, state.validators[index])) {
      writableValidator(state, index).activationEligibilityEpoch = currentEpoch + 1;
    }
    const validator = state.validators[index];
    if (p.flags[index] & FLAG_ACTIVE_CURRENT && validator.effectiveBalance <= cfg.EJECTION_BALANCE) {
      // initiate_validator_exit
      if (validator.exitEpoch !== FAR_FUTURE_EPOCH) continue;
      exitQueue ??= scanExitQueue(state);
      let exitQueueEpoch = Math.max(exitQueue.epoch, activationExitEpoch);
      let exitQueueChurn = exitQueueEpoch === exitQueue.epoch ? exitQueue.churn : 0;
      if (exitQueueChurn >= churnLimit) {
        exitQueueEpoch += 1;
        exitQueueChurn = 0;
      }
      const exiting = writableValidator(state, index);
      exiting.exitEpoch = exitQueueEpoch;
      exiting.withdrawableEpoch = exitQueueEpoch + cfg.MIN_VALIDATOR_WITHDRAWABILITY_DELAY;
      exitQueue = { epoch: exitQueueEpoch, churn: exitQueueChurn + 1 };
    }
  }

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

/** The latest scheduled exit epoch and how many validators exit in it (-1 / 0 when nobody has exited). */
function scanExitQueue(state: BeaconState): { epoch: number; churn: number } {
  let epoch = -1;
  let churn = 0;
  for (const v of state.validators) {
    if (v.exitEpoch === FAR_FUTURE_EPOCH) continue;
    if (v.exitEpoch > epoch) {
      epoch = v.exitEpoch;
      churn = 1;
    } else if (v.exitEpoch === epoch) {
      churn++;
    }
  }
  return { epoch, churn };
}
